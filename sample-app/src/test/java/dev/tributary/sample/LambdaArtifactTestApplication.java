package dev.tributary.sample;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;

/**
 * The sample application as the artifact test starts it. Until processor discovery
 * ({@code TributaryAutoConfiguration}) exists, it declares the registry by hand; afterwards it
 * is just {@link SampleApplication}.
 */
@Configuration(proxyBeanMethods = false)
@Import(SampleApplication.class)
public class LambdaArtifactTestApplication {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("dev.tributary.autoconfigure.TributaryAutoConfiguration")
	static class StopGapRegistryConfiguration {

		@Bean
		StreamProcessorRegistry streamProcessorRegistry(Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems) {
			TableDescriptor table = new TableDescriptor("Items", "Items",
					new KeyAttribute("id", KeyAttribute.ScalarType.S), null);
			ProcessorOptions options = ProcessorOptions.builder()
				.viewType(StreamViewType.NEW_AND_OLD_IMAGES)
				.startingPosition(StartingPosition.TRIM_HORIZON)
				.batchSize(10)
				.build();
			StreamProcessorDefinition<Item> definition = new StreamProcessorDefinition<>("logItems", table, options,
					ResolvableType.forClass(Item.class), StopGapRegistryConfiguration::item, logItems);
			return new StreamProcessorRegistry() {

				@Override
				public List<StreamProcessorDefinition<?>> getProcessors() {
					return List.of(definition);
				}

				@Override
				public Optional<StreamProcessorDefinition<?>> getProcessor(String name) {
					return name.equals(definition.name()) ? Optional.of(definition) : Optional.empty();
				}

				@Override
				public List<TableDescriptor> getTables() {
					return List.of(table);
				}

			};
		}

		private static Item item(Map<String, AttributeValue> image) {
			AttributeValue content = image.get("content");
			return new Item(image.get("id").s(), (content != null) ? content.s() : null);
		}

	}

}
