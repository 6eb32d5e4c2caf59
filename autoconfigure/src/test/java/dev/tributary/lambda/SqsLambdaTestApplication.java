package dev.tributary.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.SqsMessage;
import dev.tributary.SqsQueueProcessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application {@code FunctionInvoker} starts in the SQS tests: one processor,
 * {@code shipments}, bound by its annotation and found by Tributary's own discovery, whose
 * behaviour each test sets.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SqsLambdaTestApplication {

	/** What the {@code shipments} processor does with a batch. */
	public static final AtomicReference<Function<Flux<SqsMessage<Shipment>>, Mono<Void>>> behaviour = new AtomicReference<>();

	/** Every message the processor's behaviour took. */
	public static final List<SqsMessage<Shipment>> received = new CopyOnWriteArrayList<>();

	public static void reset() {
		received.clear();
		behaviour.set((messages) -> messages.doOnNext(received::add).then());
	}

	@Bean
	@SqsQueueProcessor(queue = "Shipments", batchSize = 10)
	Function<Flux<SqsMessage<Shipment>>, Mono<Void>> shipments() {
		return (messages) -> behaviour.get().apply(messages);
	}

	/** The processor's body type. */
	public record Shipment(String id, int parcels) {
	}

}
