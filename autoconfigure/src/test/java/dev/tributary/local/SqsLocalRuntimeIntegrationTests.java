package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.tributary.ProcessorOptions;
import dev.tributary.RecordProcessingException;
import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessors;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime reading SQS queues in moto_server with the semantics of Lambda's SQS event
 * source mapping: processed messages are deleted, a failed one comes back after the visibility
 * timeout and moves to the dead-letter queue after its receives, FIFO groups stay in order,
 * filters drop messages, the maximum concurrency bounds the batches in flight, and a stop lets
 * in-flight batches finish or leaves their messages to come back.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class SqsLocalRuntimeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final LocalRuntimeOptions FAST = LocalRuntimeFixture.FAST;

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final List<String> seen = LocalRuntimeFixture.synchronizedList();

	@Test
	void processesEveryMessageOfTheQueueItCreatesAndDeletesThem(CapturedOutput output) {
		SqsQueueDescriptor queue = queue("orders", false, Duration.ofSeconds(30), null);
		start(queue, ProcessorOptions.builder().batchSize(10).build(), collect());
		for (int i = 0; i < 25; i++) {
			send(queue, "m-" + i, null);
		}
		await().atMost(WAIT).until(() -> this.seen.size() >= 25);
		assertThat(this.seen).hasSize(25).contains("m-0", "m-24");
		await().atMost(WAIT).until(() -> visibleAndInFlight(queue) == 0);
		assertThat(output.getAll()).contains("Created SQS queue '" + queue.name() + "'");
	}

	@Test
	void aFailedMessageComesBackAfterTheVisibilityTimeoutAndSucceedsThen() {
		SqsQueueDescriptor queue = queue("retried", false, Duration.ofSeconds(1), null);
		List<Integer> receives = LocalRuntimeFixture.synchronizedList();
		start(queue, ProcessorOptions.builder().batchSize(1).build(),
				StreamProcessors.forEach((SqsMessage<String> message) -> {
					receives.add(message.receiveCount());
					if (message.receiveCount() < 2) {
						throw new IllegalStateException("not yet");
					}
					this.seen.add(message.payload());
				}));
		send(queue, "flaky", null);
		await().atMost(WAIT).until(() -> this.seen.contains("flaky"));
		assertThat(receives).containsExactly(1, 2);
		await().atMost(WAIT).until(() -> visibleAndInFlight(queue) == 0);
	}

	@Test
	void aMessageThatKeepsFailingMovesToTheDeadLetterQueueAfterItsReceives() {
		String deadLetter = "dlq-" + UUID.randomUUID();
		SqsQueueDescriptor queue = queue("poison", false, Duration.ofSeconds(1), deadLetter);
		start(queue, ProcessorOptions.builder().batchSize(1).build(),
				StreamProcessors.forEach((SqsMessage<String> message) -> {
					if (message.payload().equals("poison")) {
						throw new IllegalStateException("cannot take it");
					}
					this.seen.add(message.payload());
				}));
		send(queue, "poison", null);
		send(queue, "fine", null);
		await().atMost(WAIT).until(() -> this.seen.contains("fine"));
		String deadLetterUrl = this.fixture.sqs.getQueueUrl((request) -> request.queueName(deadLetter)).queueUrl();
		await().atMost(WAIT)
			.until(() -> this.fixture.sqs.receiveMessage((request) -> request.queueUrl(deadLetterUrl).waitTimeSeconds(1))
				.messages()
				.stream()
				.anyMatch((message) -> message.body().equals("poison")));
		assertThat(this.seen).containsExactly("fine");
	}

	@Test
	void aFifoGroupWaitsForItsFailedMessageWhileOtherGroupsGoOn() {
		SqsQueueDescriptor queue = queue("fifo", true, Duration.ofSeconds(1), null);
		start(queue, ProcessorOptions.builder().batchSize(10).build(), (messages) -> messages.concatMap((message) -> {
			if (message.payload().equals("a-1") && message.receiveCount() < 2) {
				return Mono.error(new RecordProcessingException(message, new IllegalStateException("not yet")));
			}
			this.seen.add(message.payload());
			return Mono.empty();
		}).then());
		send(queue, "a-1", "a");
		send(queue, "a-2", "a");
		send(queue, "b-1", "b");
		send(queue, "b-2", "b");
		await().atMost(WAIT).until(() -> this.seen.size() >= 4);
		assertThat(this.seen.indexOf("a-1")).isLessThan(this.seen.indexOf("a-2"));
		assertThat(this.seen.indexOf("b-1")).isLessThan(this.seen.indexOf("b-2"));
		assertThat(this.seen).hasSize(4);
	}

	@Test
	void filtersDropMessagesWhoseJsonBodyDoesNotMatchAndDeleteThem() {
		SqsQueueDescriptor queue = queue("filtered", false, Duration.ofSeconds(30), null);
		start(queue, ProcessorOptions.builder().filterPatterns(List.of("{\"body\":{\"type\":[\"buy\"]}}")).build(),
				collect());
		send(queue, "{\"type\":\"sell\"}", null);
		send(queue, "{\"type\":\"buy\"}", null);
		await().atMost(WAIT).until(() -> this.seen.contains("{\"type\":\"buy\"}"));
		await().atMost(WAIT).until(() -> visibleAndInFlight(queue) == 0);
		assertThat(this.seen).containsExactly("{\"type\":\"buy\"}");
	}

	@Test
	void runsAsManyBatchesAtOnceAsTheMaximumConcurrencyAllows() {
		SqsQueueDescriptor queue = queue("concurrent", false, Duration.ofSeconds(30), null);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		start(queue, new SqsQueueOptions(3), ProcessorOptions.builder().batchSize(1).build(), FAST,
				StreamProcessors.forEach((SqsMessage<String> message) -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					sleep(Duration.ofMillis(300));
					running.decrementAndGet();
					this.seen.add(message.payload());
				}));
		for (int i = 0; i < 12; i++) {
			send(queue, "m-" + i, null);
		}
		await().atMost(WAIT).until(() -> this.seen.size() >= 12);
		assertThat(most.get()).isBetween(2, 3);
		assertThat(this.seen).hasSize(12);
		await().atMost(WAIT).until(() -> visibleAndInFlight(queue) == 0);
	}

	@Test
	void onStopABatchInFlightFinishesWithinTheShutdownTimeoutAndItsMessageIsDeleted() throws Exception {
		SqsQueueDescriptor queue = queue("draining", false, Duration.ofSeconds(30), null);
		CountDownLatch started = new CountDownLatch(1);
		LocalStreamRuntime runtime = start(queue, SqsQueueOptions.defaults(), ProcessorOptions.builder().batchSize(1)
			.build(), FAST, StreamProcessors.forEach((SqsMessage<String> message) -> {
				started.countDown();
				sleep(Duration.ofMillis(800));
				this.seen.add(message.payload());
			}));
		send(queue, "in-flight", null);
		assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		runtime.stop();
		assertThat(this.seen).containsExactly("in-flight");
		assertThat(visibleAndInFlight(queue)).isZero();
	}

	@Test
	void onStopABatchStillRunningAfterTheShutdownTimeoutIsNotDeletedAndItsMessageComesBack() throws Exception {
		SqsQueueDescriptor queue = queue("abandoned", false, Duration.ofSeconds(1), null);
		CountDownLatch started = new CountDownLatch(1);
		LocalRuntimeOptions impatient = LocalRuntimeFixture.FAST.toBuilder()
			.shutdownTimeout(Duration.ofMillis(200))
			.build();
		LocalStreamRuntime runtime = start(queue, SqsQueueOptions.defaults(), ProcessorOptions.builder().batchSize(1)
			.build(), impatient, StreamProcessors.forEach((SqsMessage<String> message) -> {
				started.countDown();
				sleep(Duration.ofSeconds(5));
				this.seen.add(message.payload());
			}));
		send(queue, "too-slow", null);
		assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		runtime.stop();
		String url = queueUrl(queue);
		await().atMost(WAIT)
			.until(() -> this.fixture.sqs.receiveMessage((request) -> request.queueUrl(url).waitTimeSeconds(1))
				.messages()
				.stream()
				.anyMatch((message) -> message.body().equals("too-slow")));
		assertThat(this.seen).isEmpty();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private Function<Flux<SqsMessage<String>>, Mono<Void>> collect() {
		return StreamProcessors.forEach((SqsMessage<String> message) -> this.seen.add(message.payload()));
	}

	private LocalStreamRuntime start(SqsQueueDescriptor queue, ProcessorOptions options,
			Function<Flux<SqsMessage<String>>, Mono<Void>> function) {
		return start(queue, SqsQueueOptions.defaults(), options, LocalRuntimeFixture.FAST, function);
	}

	private LocalStreamRuntime start(SqsQueueDescriptor queue, SqsQueueOptions queueOptions, ProcessorOptions options,
			LocalRuntimeOptions runtimeOptions, Function<Flux<SqsMessage<String>>, Mono<Void>> function) {
		SqsProcessorDefinition<String> processor = new SqsProcessorDefinition<>(queue.id(),
				new SqsQueueBinding(queue, queueOptions), options, ResolvableType.forClass(String.class), function);
		return this.fixture.start(new InMemoryCheckpointStore(), (definition) -> this.fixture.logged, runtimeOptions,
				List.of(processor));
	}

	private static SqsQueueDescriptor queue(String prefix, boolean fifo, Duration visibilityTimeout,
			String deadLetter) {
		String name = prefix + "-" + UUID.randomUUID() + (fifo ? ".fifo" : "");
		return new SqsQueueDescriptor(prefix, name, null, fifo, visibilityTimeout, deadLetter, 2);
	}

	private void send(SqsQueueDescriptor queue, String body, String group) {
		String url = await().atMost(WAIT).until(() -> queueUrl(queue), (candidate) -> candidate != null);
		this.fixture.sqs.sendMessage((request) -> {
			request.queueUrl(url).messageBody(body);
			if (group != null) {
				request.messageGroupId(group).messageDeduplicationId(UUID.randomUUID().toString());
			}
		});
	}

	private String queueUrl(SqsQueueDescriptor queue) {
		try {
			return this.fixture.sqs.getQueueUrl((request) -> request.queueName(queue.name())).queueUrl();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private int visibleAndInFlight(SqsQueueDescriptor queue) {
		Map<QueueAttributeName, String> attributes = this.fixture.sqs
			.getQueueAttributes((request) -> request.queueUrl(queueUrl(queue))
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
						QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.attributes();
		return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
				+ Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
	}

}
