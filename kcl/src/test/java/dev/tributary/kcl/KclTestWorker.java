package dev.tributary.kcl;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.RecordProcessingException;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A Tributary application on the KCL runtime, as the integration tests run it: in the test's JVM
 * or as a worker JVM of its own. Each processed record is printed as one line
 * ({@code PROCESSED <shard> <sequence number> <payload>}), which the test reads from the worker's
 * output, and kept in {@link #PROCESSED} for tests in the same JVM. Which processor runs is chosen
 * with {@code test.source} ({@code items} or {@code events}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class KclTestWorker {

	/** What the processors completed, in order, in this JVM. */
	public static final Queue<String> PROCESSED = new ConcurrentLinkedQueue<>();

	/** Payloads that fail once, the first time they are seen (a partial batch failure). */
	static final Set<String> failOnce = ConcurrentHashMap.newKeySet();

	public static void main(String[] args) {
		SpringApplication.run(KclTestWorker.class, args);
	}

	@Bean
	@ConditionalOnProperty(name = "test.source", havingValue = "items")
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_IMAGE,
			startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 20)
	Function<Flux<StreamRecord<Item>>, Mono<Void>> items() {
		return StreamProcessors.forEach((record) -> {
			String content = record.newImage().map(Item::content).orElse("(deleted)");
			if (failOnce.remove(content)) {
				throw new RecordProcessingException(record, new IllegalStateException("fails once"));
			}
			processed(record.sequenceNumber(), "-", content);
		});
	}

	@Bean
	@ConditionalOnProperty(name = "test.source", havingValue = "events")
	@KinesisStreamProcessor(stream = "Events", startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 25)
	Function<Flux<KinesisRecord<String>>, Mono<Void>> events() {
		return StreamProcessors
			.forEach((record) -> processed(record.sequenceNumber(), record.shardId(), record.payload()));
	}

	private static void processed(String sequenceNumber, String shardId, String payload) {
		String line = "PROCESSED " + shardId + " " + sequenceNumber + " " + payload;
		PROCESSED.add(line);
		System.out.println(line);
		System.out.flush();
	}

	public record Item(@DynamoDbPartitionKey String id, String content) {
	}

}
