package dev.tributary.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tributary.RecordProcessingException;
import dev.tributary.SourceRecord;
import dev.tributary.SqsFanOut;
import dev.tributary.SqsQueueDescriptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link SqsFanOut}, with an SQS client that refuses the entries each test says.
 */
class SqsFanOutTests {

	private static final SqsQueueDescriptor STANDARD = new SqsQueueDescriptor("changes", "changes", null, false,
			Duration.ofSeconds(30), null, 5);

	private static final SqsQueueDescriptor FIFO = new SqsQueueDescriptor("changes", "changes.fifo", null, true,
			Duration.ofSeconds(30), null, 5);

	@Test
	void sendsEveryRecordInOrderTenToACall() {
		RefusingSqs sqs = new RefusingSqs();
		new SqsFanOut(sqs, (id) -> STANDARD).to("changes", Rec::body).apply(records(23)).block();
		assertThat(sqs.calls).extracting(List::size).containsExactly(10, 10, 3);
		assertThat(sqs.sent()).extracting(SendMessageBatchRequestEntry::messageBody)
			.containsExactlyElementsOf(records(23).map(Rec::body).collectList().block());
	}

	@Test
	void anEntryRefusedForAReasonOfSqsIsSentAgain() {
		RefusingSqs sqs = new RefusingSqs();
		sqs.refuse("body-3", "ThrottlingException", false, 2);
		new SqsFanOut(sqs, (id) -> STANDARD).to("changes", Rec::body).apply(records(5)).block();
		assertThat(sqs.calls).extracting(List::size).containsExactly(5, 1, 1);
		assertThat(sqs.sent()).extracting(SendMessageBatchRequestEntry::messageBody).contains("body-3");
	}

	@Test
	void anEntryRefusedAsTheSendersFaultFailsAsThatRecord() {
		RefusingSqs sqs = new RefusingSqs();
		sqs.refuse("body-6", "InvalidMessageContents", true, Integer.MAX_VALUE);
		sqs.refuse("body-14", "InvalidMessageContents", true, Integer.MAX_VALUE);
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> new SqsFanOut(sqs, (id) -> STANDARD).to("changes", Rec::body).apply(records(20)).block());
		assertThat(failure.getItemIdentifier()).isEqualTo("seq-6");
		assertThat(failure.getCause()).hasMessageContaining("InvalidMessageContents").hasMessageNotContaining("body-6");
		assertThat(sqs.calls).hasSize(1);
	}

	@Test
	void aCallThatFailsAsAWholeFailsAtItsFirstRecord() {
		RefusingSqs sqs = new RefusingSqs();
		sqs.failCall = 2;
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> new SqsFanOut(sqs, (id) -> STANDARD).to("changes", Rec::body).apply(records(15)).block());
		assertThat(failure.getItemIdentifier()).isEqualTo("seq-10");
	}

	@Test
	void aRecordWhoseBodyCannotBeMadeFailsAsThatRecordAfterTheRecordsBeforeItAreSent() {
		RefusingSqs sqs = new RefusingSqs();
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> new SqsFanOut(sqs, (id) -> STANDARD).to("changes", (Rec record) -> {
					if (record.body().equals("body-13")) {
						throw new IllegalArgumentException("no body");
					}
					return record.body();
				}).apply(records(20)).block());
		assertThat(failure.getItemIdentifier()).isEqualTo("seq-13");
		assertThat(sqs.sent()).extracting(SendMessageBatchRequestEntry::messageBody)
			.containsExactlyElementsOf(records(13).map(Rec::body).collectList().block());
	}

	@Test
	void aQueueWhoseUrlCannotBeFoundFailsAtTheFirstRecord() {
		RefusingSqs sqs = new RefusingSqs();
		sqs.missingQueue = true;
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> new SqsFanOut(sqs, (id) -> STANDARD).to("changes", Rec::body).apply(records(5)).block());
		assertThat(failure.getItemIdentifier()).isEqualTo("seq-0");
		assertThat(sqs.calls).isEmpty();
	}

	@Test
	void aFifoQueueGroupsByTheRecordsOrderingKeyAndDeduplicatesByItsIdentifierAndBody() {
		RefusingSqs sqs = new RefusingSqs();
		new SqsFanOut(sqs, (id) -> FIFO).to("changes", Rec::body)
			.apply(Flux.just(new Rec("seq-1", "item-a", "x"), new Rec("seq-2", "item-a", "y"),
					new Rec("seq-3", "item-b", "x")))
			.block();
		List<SendMessageBatchRequestEntry> sent = sqs.sent();
		assertThat(sent.get(0).messageGroupId()).isEqualTo(sent.get(1).messageGroupId())
			.isNotEqualTo(sent.get(2).messageGroupId());
		assertThat(sent).extracting(SendMessageBatchRequestEntry::messageDeduplicationId).doesNotHaveDuplicates();
	}

	private static Flux<Rec> records(int count) {
		return Flux.range(0, count).map((i) -> new Rec("seq-" + i, "key-" + (i % 3), "body-" + i));
	}

	record Rec(String itemIdentifier, Object orderingKey, String body) implements SourceRecord {

		@Override
		public String itemIdentifier() {
			return this.itemIdentifier;
		}

		@Override
		public @Nullable Object orderingKey() {
			return this.orderingKey;
		}

	}

	/** Takes every entry but those it was told to refuse, each for so many calls. */
	static final class RefusingSqs implements SqsClient {

		final List<List<SendMessageBatchRequestEntry>> calls = new ArrayList<>();

		private final List<Refusal> refusals = new ArrayList<>();

		int failCall = -1;

		boolean missingQueue;

		void refuse(String body, String code, boolean senderFault, int times) {
			this.refusals.add(new Refusal(body, code, senderFault, new int[] { times }));
		}

		List<SendMessageBatchRequestEntry> sent() {
			List<SendMessageBatchRequestEntry> sent = new ArrayList<>();
			this.calls.forEach(sent::addAll);
			return sent;
		}

		@Override
		public GetQueueUrlResponse getQueueUrl(Consumer<GetQueueUrlRequest.Builder> request) {
			if (this.missingQueue) {
				throw QueueDoesNotExistException.builder().message("The specified queue does not exist.").build();
			}
			return GetQueueUrlResponse.builder().queueUrl("http://sqs.local/123456789012/changes").build();
		}

		@Override
		public SendMessageBatchResponse sendMessageBatch(Consumer<SendMessageBatchRequest.Builder> request) {
			SendMessageBatchRequest built = SendMessageBatchRequest.builder().applyMutation(request).build();
			if (this.calls.size() + 1 == this.failCall) {
				this.calls.add(List.of());
				throw SdkClientException.create("Unable to execute HTTP request");
			}
			this.calls.add(built.entries());
			List<SendMessageBatchResultEntry> ok = new ArrayList<>();
			List<BatchResultErrorEntry> failed = new ArrayList<>();
			for (SendMessageBatchRequestEntry entry : built.entries()) {
				Refusal refusal = this.refusals.stream()
					.filter((candidate) -> candidate.body().equals(entry.messageBody()) && candidate.left()[0] > 0)
					.findFirst()
					.orElse(null);
				if (refusal != null) {
					refusal.left()[0]--;
					failed.add(BatchResultErrorEntry.builder()
						.id(entry.id())
						.code(refusal.code())
						.senderFault(refusal.senderFault())
						.build());
				}
				else {
					ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("m-" + entry.id()).build());
				}
			}
			return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
		}

		@Override
		public String serviceName() {
			return "sqs";
		}

		@Override
		public void close() {
		}

		record Refusal(String body, String code, boolean senderFault, int[] left) {
		}

	}

}
