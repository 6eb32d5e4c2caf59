package dev.tributary.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tributary.RecordProcessingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch core knows a source only through its {@link SourceType}: here a queue-like source
 * whose item identifiers are message ids with no order of their own.
 */
class SourceNeutralBatchInvokerTests {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Test
	void elementsComeFromTheSourcesFactoryAndSuccessNeedsNothingElse() {
		BatchOutcome outcome = invoker((messages) -> messages.doOnNext(this.seen::add).then())
			.invoke(List.of(new Message("m-b", "one"), new Message("m-a", "two")), null, null);
		assertThat(outcome.isSuccess()).isTrue();
		assertThat(this.seen).containsExactly("one!", "two!");
	}

	@Test
	void aFailureIsReportedByTheSourcesItemIdentifier() {
		BatchOutcome outcome = invoker((messages) -> messages.doOnNext((body) -> {
			if (body.equals("two!")) {
				throw new MessageFailedException("m-a");
			}
		}).then()).invoke(List.of(new Message("m-z", "one"), new Message("m-a", "two"), new Message("m-b", "x")),
				null, null);
		assertThat(outcome.failedIndex()).isEqualTo(1);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("m-a");
	}

	@Test
	void whenSeveralRecordsAreReportedTheFirstInTheBatchWinsWhateverTheirIdentifiersSortLike() {
		Throwable both = Exceptions.multiple(new MessageFailedException("m-a"), new MessageFailedException("m-z"));
		BatchOutcome outcome = invoker((messages) -> messages.then(Mono.error(both)))
			.invoke(List.of(new Message("m-b", "one"), new Message("m-z", "two"), new Message("m-a", "three")), null,
					null);
		assertThat(outcome.failedIndex()).isEqualTo(1);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("m-z");
	}

	@Test
	void aMessageTheFactoryCannotMapFailsTheBatchAtThatMessageAfterTheEarlierOnes() {
		BatchOutcome outcome = invoker((messages) -> messages.doOnNext(this.seen::add).then())
			.invoke(List.of(new Message("m-1", "one"), new Message("m-2", ""), new Message("m-3", "three")), null,
					null);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("m-2");
		assertThat(outcome.cause()).isInstanceOf(MessageFailedException.class);
		assertThat(this.seen).containsExactly("one!");
	}

	private BatchInvoker<Message, String> invoker(java.util.function.Function<Flux<String>, Mono<Void>> function) {
		return new BatchInvoker<>("messages", function, new MessageSource(), Duration.ZERO, Clock.systemUTC());
	}

	record Message(String id, String body) {

	}

	static final class MessageSource implements SourceType<Message, String> {

		@Override
		public String name() {
			return "test-queue";
		}

		@Override
		public String itemIdentifier(Message record) {
			return record.id();
		}

		@Override
		public @Nullable Object orderingKey(Message record) {
			return null;
		}

		@Override
		public String element(Message record, @Nullable String eventSourceArn) {
			if (record.body().isEmpty()) {
				throw new MessageFailedException(record.id());
			}
			return record.body() + "!";
		}

	}

	static final class MessageFailedException extends RecordProcessingException {

		MessageFailedException(String messageId) {
			super(messageId, "Message " + messageId + " failed", null);
		}

	}

}
