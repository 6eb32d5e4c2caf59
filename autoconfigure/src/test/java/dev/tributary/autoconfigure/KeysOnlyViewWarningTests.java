package dev.tributary.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class KeysOnlyViewWarningTests {

	private static final String WARNING = "with view type KEYS_ONLY";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void aTypedProcessorOnTheDefaultKeysOnlyViewIsWarnedAboutOnceWithTheFix(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(TypedProcessorConfiguration.class)
			.withPropertyValues("tributary.tables.Items.name=dev-items")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("WARN")
					.contains("Processor 'logItems' maps images to " + Item.class.getName()
							+ " but reads the stream of table 'dev-items' with view type KEYS_ONLY")
					.contains("newImage() and oldImage() are always empty and only keys() is set")
					.contains("@DynamoDbStreamProcessor(viewType = NEW_AND_OLD_IMAGES), or "
							+ "tributary.processors.logItems.view-type=NEW_AND_OLD_IMAGES");
				assertThat(output.getAll().split(WARNING, -1)).hasSize(2);
			});
	}

	@Test
	void settingAViewTypeWithImagesSilencesTheWarning(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(TypedProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.view-type=NEW_IMAGE")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	@Test
	void aProcessorOfRawImagesMayReadOnlyKeys(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(RawProcessorConfiguration.class)
			.withPropertyValues("tributary.tables.Items.partition-key=id")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	record Item(@DynamoDbPartitionKey String id, String content) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TypedProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RawProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.KEYS_ONLY)
		Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> keys() {
			return Flux::then;
		}

	}

}
