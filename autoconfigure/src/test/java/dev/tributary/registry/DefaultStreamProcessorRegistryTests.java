package dev.tributary.registry;

import java.util.List;
import java.util.Map;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DefaultStreamProcessorRegistry}: processors by name, source bindings once
 * each, tables derived from the bindings.
 *
 * @author Tributary
 */
class DefaultStreamProcessorRegistryTests {

	private static final TableDescriptor ITEMS = table("Items");

	private static final TableDescriptor ORDERS = table("Orders");

	@Test
	void processorsSharingABindingListItOnce() {
		DynamoDbStreamBinding binding = new DynamoDbStreamBinding(ITEMS, DynamoDbStreamOptions.defaults());
		DefaultStreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(
				List.of(processor("b", binding), processor("a", binding)));

		assertThat(registry.getBindings()).containsExactly(binding);
		assertThat(registry.getTables()).containsExactly(ITEMS);
	}

	@Test
	void differentSourceOptionsOnOneTableAreTwoBindingsButOneTable() {
		DynamoDbStreamBinding newImages = new DynamoDbStreamBinding(ITEMS,
				new DynamoDbStreamOptions(StreamViewType.NEW_IMAGE, StartingPosition.LATEST));
		DynamoDbStreamBinding oldImages = new DynamoDbStreamBinding(ITEMS,
				new DynamoDbStreamOptions(StreamViewType.OLD_IMAGE, StartingPosition.TRIM_HORIZON));
		DefaultStreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(
				List.of(processor("old", oldImages), processor("new", newImages)));

		assertThat(registry.getBindings()).containsExactly(newImages, oldImages);
		assertThat(registry.getTables()).containsExactly(ITEMS);
	}

	@Test
	void tablesAreOrderedByIdWhateverTheProcessorOrder() {
		DefaultStreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(List.of(
				processor("a", new DynamoDbStreamBinding(ORDERS, DynamoDbStreamOptions.defaults())),
				processor("b", new DynamoDbStreamBinding(ITEMS, DynamoDbStreamOptions.defaults()))));

		assertThat(registry.getTables()).extracting(TableDescriptor::id).containsExactly("Items", "Orders");
	}

	@Test
	void aProcessorIsFoundByItsNameAndItsBindingByItsSource() {
		DynamoDbStreamBinding binding = new DynamoDbStreamBinding(ITEMS, DynamoDbStreamOptions.defaults());
		DefaultStreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(
				List.of(processor("audit", binding)));

		assertThat(registry.getProcessor("audit")).hasValueSatisfying(
				(processor) -> assertThat(DynamoDbStreamBinding.of(processor)).isSameAs(binding));
		assertThat(registry.getProcessor("other")).isEmpty();
	}

	@Test
	void twoProcessorsWithOneNameAreRejected() {
		DynamoDbStreamBinding binding = new DynamoDbStreamBinding(ITEMS, DynamoDbStreamOptions.defaults());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DefaultStreamProcessorRegistry(
					List.of(processor("twice", binding), processor("twice", binding))))
			.withMessageContaining("'twice'");
	}

	private static TableDescriptor table(String id) {
		return new TableDescriptor(id, id, new KeyAttribute("id", KeyAttribute.ScalarType.S), null);
	}

	private static StreamProcessorDefinition<Map<String, AttributeValue>> processor(String name,
			DynamoDbStreamBinding binding) {
		return new StreamProcessorDefinition<>(name, binding, ProcessorOptions.defaults(),
				ResolvableType.forClass(Map.class), (image) -> image, (records) -> Mono.empty());
	}

}
