package dev.tributary.test.event;

import java.util.List;

import dev.tributary.SqsMessage;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsQueueMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SqsEventsTests {

	@Test
	void theEventReadsBackIntoTheMessagesItWasBuiltFrom() {
		SqsEvents events = SqsEvents.forQueue("Shipments")
			.message("first", (message) -> message.attribute("origin", "warehouse-1"))
			.message("second");
		List<SqsQueueMessage> read = new SqsEventCodec().read(events.build().bytes());
		assertThat(read).isEqualTo(events.queueMessages());
		assertThat(read.get(0).md5OfBody()).isEqualTo("8b04d5e3775d298e78455efc5ca404d5");
	}

	@Test
	void messagesHaveIdsReceiveCountsAndAttributes() {
		List<SqsMessage<String>> messages = SqsEvents.forQueue("Shipments")
			.message("first", (message) -> message.attribute("origin", "warehouse-1"))
			.message("second", (message) -> message.messageId("m-2").receiveCount(3))
			.records(String.class);
		assertThat(messages).extracting(SqsMessage::messageId).containsExactly("message-1", "m-2");
		assertThat(messages).extracting(SqsMessage::receiveCount).containsExactly(1, 3);
		assertThat(messages.get(0).messageAttributes().get("origin").stringValue()).isEqualTo("warehouse-1");
		assertThat(messages.get(0).eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:Shipments");
		assertThat(messages.get(0).messageGroupId()).isNull();
	}

	@Test
	void fifoMessagesCarryTheirGroupAndDeduplicationIds() {
		List<SqsMessage<Order>> messages = SqsEvents.forQueue("Orders.fifo")
			.json(new Order("o-1"), (message) -> message.groupId("customer-1"))
			.json(new Order("o-2"), (message) -> message.groupId("customer-1").deduplicationId("dedup-2"))
			.records(Order.class);
		assertThat(messages).extracting(SqsMessage::payload).containsExactly(new Order("o-1"), new Order("o-2"));
		assertThat(messages).extracting(SqsMessage::messageGroupId).containsOnly("customer-1");
		assertThat(messages).extracting(SqsMessage::messageDeduplicationId).containsExactly("message-1", "dedup-2");
		assertThat(messages).extracting(SqsMessage::orderingKey).containsOnly("customer-1");
	}

	@Test
	void aGroupIdNeedsAFifoQueueAndAFifoQueueNeedsGroupIds() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SqsEvents.forQueue("Orders").message("x", (message) -> message.groupId("g")))
			.withMessageContaining("FIFO");
		assertThatIllegalStateException().isThrownBy(() -> SqsEvents.forQueue("Orders.fifo").message("x"))
			.withMessageContaining("group id");
	}

	record Order(String id) {

	}

}
