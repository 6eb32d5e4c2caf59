package dev.tributary.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.StartingPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application {@code FunctionInvoker} starts in the Kinesis tests: one processor,
 * {@code orders}, bound by its annotation and found by Tributary's own discovery, whose
 * behaviour each test sets.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class KinesisLambdaTestApplication {

	/** What the {@code orders} processor does with a batch. */
	public static final AtomicReference<Function<Flux<KinesisRecord<Order>>, Mono<Void>>> behaviour = new AtomicReference<>();

	/** Every record the processor's behaviour took. */
	public static final List<KinesisRecord<Order>> received = new CopyOnWriteArrayList<>();

	public static void reset() {
		received.clear();
		behaviour.set((records) -> records.doOnNext(received::add).then());
	}

	@Bean
	@KinesisStreamProcessor(stream = "Orders", startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
	Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
		return (records) -> behaviour.get().apply(records);
	}

	/** The processor's payload type. */
	public record Order(String id, int quantity) {
	}

}
