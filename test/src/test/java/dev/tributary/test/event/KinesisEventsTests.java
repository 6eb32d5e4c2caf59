package dev.tributary.test.event;

import java.time.Instant;
import java.util.List;

import dev.tributary.KinesisRecord;
import dev.tributary.kinesis.KinesisEvent;
import dev.tributary.kinesis.KinesisEventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KinesisEventsTests {

	@Test
	void theEventReadsBackIntoTheRecordsItWasBuiltFrom() {
		KinesisEvents events = KinesisEvents.forStream("Events")
			.record("k1", "hello")
			.record("k2", new byte[] { 1, 2 });
		KinesisEvent read = new KinesisEventCodec().read(events.build().bytes());
		assertThat(read.malformed()).isNull();
		assertThat(read.records()).hasSize(2).satisfiesExactly((first) -> {
			assertThat(first.sequenceNumber()).isEqualTo("100");
			assertThat(first.partitionKey()).isEqualTo("k1");
			assertThat(first.data()).asString().isEqualTo("hello");
			assertThat(first.eventSourceArn()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/Events");
		}, (second) -> assertThat(second.data()).containsExactly(1, 2));
	}

	@Test
	void jsonPayloadsAreMappedToTheProcessorsType() {
		List<KinesisRecord<Click>> records = KinesisEvents.forStream("Clicks")
			.json("ann", new Click("ann", "/home"))
			.json("bob", new Click("bob", "/cart"))
			.records(Click.class);
		assertThat(records).extracting(KinesisRecord::payload)
			.containsExactly(new Click("ann", "/home"), new Click("bob", "/cart"));
		assertThat(records).extracting(KinesisRecord::sequenceNumber).containsExactly("100", "200");
		assertThat(records.get(1).approximateArrivalTime()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
		assertThat(records.get(0).shardId()).isEqualTo("shardId-000000000000");
	}

	record Click(String user, String page) {

	}

}
