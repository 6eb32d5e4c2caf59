package dev.tributary.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;

/**
 * The application {@code FunctionInvoker} starts in tests: one processor, {@code items}, whose
 * behaviour each test sets, and a registry defined by hand.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LambdaTestApplication {

	/** What the {@code items} processor does with a batch. */
	public static final AtomicReference<Function<Flux<StreamRecord<Item>>, Mono<Void>>> behaviour = new AtomicReference<>();

	/** Every record the processor's behaviour took. */
	public static final List<StreamRecord<Item>> received = new CopyOnWriteArrayList<>();

	public static void reset() {
		received.clear();
		behaviour.set(StreamProcessors.forEach(received::add));
	}

	@Bean
	Function<Flux<StreamRecord<Item>>, Mono<Void>> items() {
		return (records) -> behaviour.get().apply(records);
	}

	@Bean
	StreamProcessorRegistry streamProcessorRegistry(Function<Flux<StreamRecord<Item>>, Mono<Void>> items) {
		TableDescriptor table = new TableDescriptor("Items", "Items", new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		DynamoDbStreamBinding binding = new DynamoDbStreamBinding(table,
				DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_AND_OLD_IMAGES));
		StreamProcessorDefinition<Item> definition = new StreamProcessorDefinition<>("items", binding,
				ProcessorOptions.defaults(),
				ResolvableType.forClass(Item.class), new ItemMapper(), items);
		return new StreamProcessorRegistry() {

			@Override
			public List<ProcessorDefinition<?>> getProcessors() {
				return List.of(definition);
			}

			@Override
			public Optional<ProcessorDefinition<?>> getProcessor(String name) {
				return getProcessors().stream().filter((processor) -> processor.name().equals(name)).findFirst();
			}

			@Override
			public List<SourceBinding> getBindings() {
				return List.of(binding);
			}

		};
	}

	/** The processor's record type. */
	public record Item(String id, String content) {
	}

	static class ItemMapper implements ImageMapper<Item> {

		@Override
		public Item map(Map<String, AttributeValue> image) {
			AttributeValue content = image.get("content");
			if (content != null && content.s() == null) {
				throw new ImageMappingException("content", Item.class.getName(), "not a string: " + content, null);
			}
			return new Item(image.get("id").s(), (content != null) ? content.s() : null);
		}

	}

}
