package dev.tributary.test.event;

import java.util.List;

import dev.tributary.RecordProcessingException;
import dev.tributary.S3EventRecord;
import dev.tributary.StreamProcessors;
import dev.tributary.test.processor.BatchResult;
import dev.tributary.test.processor.ProcessorTester;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

class S3EventsTests {

	@Test
	void recordsCarryTheKeyAsStoredWhileTheEventCarriesItUrlEncoded() {
		S3Events events = S3Events.forBucket("files-dev").created("my notes é.txt", 5).removed("old/report.csv");
		assertThat(events.build().json()).contains("\"key\":\"my+notes+%C3%A9.txt\"", "\"key\":\"old/report.csv\"");
		List<S3EventRecord> records = events.records();
		assertThat(records).extracting(S3EventRecord::key).containsExactly("my notes é.txt", "old/report.csv");
		assertThat(records).extracting(S3EventRecord::eventName)
			.containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
	}

	@Test
	void theEventsOfOneKeyAreOrderedByTheirSequencers() {
		List<S3EventRecord> records = S3Events.forBucket("files-dev").created("a.txt", 1).removed("a.txt").records();
		assertThat(records.get(1).isAfter(records.get(0))).isTrue();
		assertThat(records.get(0).isAfter(records.get(1))).isFalse();
	}

	@Test
	void theTestEventGoesOnlyThroughAQueue() {
		S3Events events = S3Events.forBucket("files-dev").testEvent().created("a.txt", 1);
		assertThat(events.viaQueue("files-dev-logObjects").json()).contains("s3:TestEvent", "aws:sqs");
		assertThatIllegalStateException().isThrownBy(events::build).withMessageContaining("viaQueue");
	}

	@Test
	void aProcessorRunsOverQueuedNotificationsSkippingTheTestEventAndReportsByMessageId() {
		ProcessorTester tester = ProcessorTester.forS3(StreamProcessors.forEach((S3EventRecord record) -> {
			if (record.key().equals("b.txt")) {
				throw new IllegalStateException("cannot read it");
			}
		}));
		BatchResult result = tester.invoke(S3Events.forBucket("files-dev")
			.testEvent()
			.created("a.txt", 1)
			.created("b.txt", 1)
			.created("c.txt", 1)
			.viaQueue("files-dev-processor"));
		assertThat(result.batchItemFailures()).containsExactly("message-3", "message-4");
		assertThat(result.processedItemIdentifiers()).containsExactly("message-1", "message-2");
	}

	@Test
	void aDirectInvocationThatFailsFailsAsAWhole() {
		ProcessorTester tester = ProcessorTester.forS3((records) -> records
			.concatMap((record) -> Mono.error(new RecordProcessingException(record, new IllegalStateException("no"))))
			.then());
		Throwable failure = catchThrowable(
				() -> tester.invoke(S3Events.forBucket("files-dev").created("a.txt", 1).build()));
		assertThat(failure).hasMessageContaining("failed at record files-dev/a.txt@");
	}

}
