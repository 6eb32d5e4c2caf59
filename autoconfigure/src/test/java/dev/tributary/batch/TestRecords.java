package dev.tributary.batch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ImageMapper;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.ResolvableType;

/**
 * SDK stream records and processor definitions for unit tests of our own batch logic.
 */
final class TestRecords {

	static final ImageMapper<String> CONTENT = (image) -> image.get("content").s();

	private TestRecords() {
	}

	/** Records with ids item-0..item-(n-1) and sequence numbers 100, 200, ... */
	static List<Record> inserts(int count) {
		return IntStream.range(0, count).mapToObj((i) -> insert("item-" + i, "content-" + i, sequenceNumber(i))).toList();
	}

	static String sequenceNumber(int index) {
		return String.valueOf((index + 1) * 100);
	}

	static Record insert(String id, String content, String sequenceNumber) {
		Map<String, AttributeValue> keys = Map.of("id", AttributeValue.fromS(id));
		return Record.builder()
			.eventID("event-" + sequenceNumber)
			.eventName(OperationType.INSERT)
			.awsRegion("eu-west-1")
			.dynamodb((change) -> change.keys(keys)
				.newImage(Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS(content)))
				.sequenceNumber(sequenceNumber)
				.sizeBytes(42L)
				.streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES))
			.build();
	}

	static StreamProcessorDefinition<String> processor(Function<Flux<StreamRecord<String>>, Mono<Void>> function) {
		return processor(CONTENT, function);
	}

	static StreamProcessorDefinition<String> processor(ImageMapper<String> mapper,
			Function<Flux<StreamRecord<String>>, Mono<Void>> function) {
		TableDescriptor table = new TableDescriptor("Items", "Items", new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		return new StreamProcessorDefinition<>("test",
				new DynamoDbStreamBinding(table,
						DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_AND_OLD_IMAGES)),
				ProcessorOptions.defaults(),
				ResolvableType.forClass(String.class), mapper, function);
	}

}
