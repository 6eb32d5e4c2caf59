package dev.tributary.autoconfigure.lambda;

import java.time.Clock;
import java.time.Duration;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.lambda.LambdaFunctionRegistrar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.FunctionRegistry;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that makes every stream processor invocable by Spring Cloud Function's AWS
 * adapter under its bean name (see {@link dev.tributary.lambda.LambdaHandlers}).
 *
 * @author Tributary
 */
@AutoConfiguration(afterName = { "dev.tributary.autoconfigure.TributaryAutoConfiguration",
		"org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration" })
@ConditionalOnClass({ FunctionInvoker.class, FunctionRegistry.class, StreamsEventResponse.class })
@EnableConfigurationProperties(LambdaProperties.class)
public final class TributaryLambdaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DynamoDbEventCodec tributaryDynamoDbEventCodec() {
		return new DynamoDbEventCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	KinesisEventCodec tributaryKinesisEventCodec() {
		return new KinesisEventCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ StreamProcessorRegistry.class, FunctionRegistry.class })
	LambdaFunctionRegistrar tributaryLambdaFunctionRegistrar(StreamProcessorRegistry processors,
			FunctionRegistry functionRegistry, DynamoDbEventCodec codec, KinesisEventCodec kinesisCodec,
			LambdaProperties properties) {
		Duration margin = properties.getDeadlineMargin();
		if (margin.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(LambdaProperties.PREFIX + ".deadline-margin", margin,
					"The deadline margin must be zero or positive, such as 1s");
		}
		return new LambdaFunctionRegistrar(processors, functionRegistry, codec, kinesisCodec, margin,
				Clock.systemUTC());
	}

}
