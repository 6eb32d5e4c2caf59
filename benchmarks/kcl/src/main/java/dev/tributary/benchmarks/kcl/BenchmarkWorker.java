package dev.tributary.benchmarks.kcl;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
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
import org.springframework.context.annotation.Bean;

/**
 * The worker the benchmark starts: one processor on the {@code Items} table, printing
 * {@code SEEN <content> <epoch millis>} for each record, on whichever runtime
 * {@code tributary.runtime} names.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkWorker {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkWorker.class, args);
	}

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_IMAGE,
			startingPosition = StartingPosition.TRIM_HORIZON)
	Function<Flux<StreamRecord<Item>>, Mono<Void>> items() {
		return StreamProcessors.forEach((record) -> {
			long now = System.currentTimeMillis();
			System.out.println("SEEN " + record.newImage().map(Item::content).orElse("-") + " " + now);
			System.out.flush();
		});
	}

	/**
	 * An item of the table.
	 * @param id the key
	 * @param content what the benchmark wrote
	 */
	public record Item(@DynamoDbPartitionKey String id, String content) {
	}

}
