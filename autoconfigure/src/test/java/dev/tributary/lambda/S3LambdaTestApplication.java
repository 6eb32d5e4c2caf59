package dev.tributary.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.S3Delivery;
import dev.tributary.S3EventProcessor;
import dev.tributary.S3EventRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application {@code FunctionInvoker} starts in the S3 tests: {@code files}, whose
 * notifications come through its queue, and {@code uploads}, which S3 invokes directly; both
 * share the behaviour each test sets.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class S3LambdaTestApplication {

	/** What the processors do with a batch. */
	public static final AtomicReference<Function<Flux<S3EventRecord>, Mono<Void>>> behaviour = new AtomicReference<>();

	/** Every record the processors' behaviour took. */
	public static final List<S3EventRecord> received = new CopyOnWriteArrayList<>();

	public static void reset() {
		received.clear();
		behaviour.set((records) -> records.doOnNext(received::add).then());
	}

	@Bean
	@S3EventProcessor(bucket = "Files")
	Function<Flux<S3EventRecord>, Mono<Void>> files() {
		return (records) -> behaviour.get().apply(records);
	}

	@Bean
	@S3EventProcessor(bucket = "Uploads", delivery = S3Delivery.DIRECT)
	Function<Flux<S3EventRecord>, Mono<Void>> uploads() {
		return (records) -> behaviour.get().apply(records);
	}

}
