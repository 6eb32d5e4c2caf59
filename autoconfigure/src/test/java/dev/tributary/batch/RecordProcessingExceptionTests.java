package dev.tributary.batch;

import java.util.List;

import dev.tributary.RecordProcessingException;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.dynamodb.StreamRecordFactory;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import static org.assertj.core.api.Assertions.assertThat;

class RecordProcessingExceptionTests {

	private final StreamRecordFactory<String> factory = new StreamRecordFactory<>(TestRecords.CONTENT,
			StreamViewType.NEW_IMAGE);

	@Test
	void lowestPicksTheLowestSequenceNumberNumericallyAcrossCompositesAndCauseChains() {
		RecordProcessingException at900 = failed("900");
		RecordProcessingException at1000 = failed("1000");
		RecordProcessingException at95 = failed("95");
		Throwable composite = Exceptions.multiple(at1000, new IllegalStateException("wrapped", at95));
		assertThat(RecordProcessingException.lowest(List.of(at900, composite))).containsSame(at95);
	}

	@Test
	void lowestIsEmptyWhenNoFailureReportsARecord() {
		assertThat(RecordProcessingException.lowest(List.of(new IllegalStateException("down")))).isEmpty();
	}

	private RecordProcessingException failed(String sequenceNumber) {
		StreamRecord<String> record = this.factory.create(TestRecords.insert("id", "c", sequenceNumber), "arn");
		return new RecordProcessingException(record, null);
	}

}
