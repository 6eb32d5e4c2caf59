package ${package};

import dev.tributary.test.event.DynamoDbEvents;
import dev.tributary.test.processor.BatchResult;
import dev.tributary.test.processor.ProcessorTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor on its own, as AWS Lambda runs it: no application context, no emulator. The event
 * is the one Lambda sends for these changes; the result is what Lambda gets back.
 */
@ExtendWith(OutputCaptureExtension.class)
class ItemsProcessorTests {

	private final ProcessorTester processor = ProcessorTester.forDynamoDb(Item.class,
			new ItemsProcessorConfiguration().logItems());

	@Test
	void logsEveryChangeOfABatch(CapturedOutput output) {
		BatchResult result = this.processor.invoke(DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first"))
			.modify(new Item("one", "first"), new Item("one", "second"))
			.remove(new Item("one", "second"))
			.build());
		assertThat(result).hasNoBatchItemFailures();
		assertThat(output.getOut()).contains("INSERT: one -> first", "MODIFY: one -> second",
				"REMOVE: one -> (deleted)");
	}

}
