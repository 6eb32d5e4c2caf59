package dev.tributary.autoconfigure.lambda;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.TableDescriptor;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.lambda.LambdaFunctionRegistrar;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TributaryLambdaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				TributaryLambdaAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	@Test
	void registersProcessorsWithTheFunctionCatalog() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LambdaFunctionRegistrar.class);
			assertThat(context).hasSingleBean(DynamoDbEventCodec.class);
			assertThat(context.getBean(LambdaProperties.class).getDeadlineMargin()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@Test
	void bindsTheDeadlineMargin() {
		this.contextRunner.withPropertyValues("tributary.lambda.deadline-margin=250ms")
			.run((context) -> assertThat(context.getBean(LambdaProperties.class).getDeadlineMargin())
				.isEqualTo(Duration.ofMillis(250)));
	}

	@Test
	void rejectsANegativeDeadlineMargin() {
		this.contextRunner.withPropertyValues("tributary.lambda.deadline-margin=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("tributary.lambda.deadline-margin"));
	}

	@Test
	void registersNothingWithoutProcessorRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					TributaryLambdaAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaFunctionRegistrar.class));
	}

	@Test
	void backsOffWithoutTheAwsAdapter() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(FunctionInvoker.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaFunctionRegistrar.class)
				.doesNotHaveBean(DynamoDbEventCodec.class));
	}

	@Test
	void backsOffWithoutLambdaEvents() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(StreamsEventResponse.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaFunctionRegistrar.class));
	}

	@Test
	void keepsAUserDefinedCodec() {
		DynamoDbEventCodec codec = new DynamoDbEventCodec();
		this.contextRunner.withBean(DynamoDbEventCodec.class, () -> codec)
			.run((context) -> assertThat(context.getBean(DynamoDbEventCodec.class)).isSameAs(codec));
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		StreamProcessorRegistry streamProcessorRegistry() {
			return new StreamProcessorRegistry() {

				@Override
				public List<ProcessorDefinition<?>> getProcessors() {
					return List.of();
				}

				@Override
				public Optional<ProcessorDefinition<?>> getProcessor(String name) {
					return Optional.empty();
				}

				@Override
				public List<SourceBinding> getBindings() {
					return List.of();
				}

			};
		}

	}

}
