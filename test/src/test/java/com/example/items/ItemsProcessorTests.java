package com.example.items;

import java.util.List;

import dev.tributary.EventName;
import dev.tributary.StreamRecord;
import dev.tributary.test.event.DynamoDbEvents;
import dev.tributary.test.event.LambdaEvent;
import dev.tributary.test.processor.BatchResult;
import dev.tributary.test.processor.ProcessorTester;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor on its own, without an application context or an emulator: events built with
 * {@link DynamoDbEvents}, run by {@link ProcessorTester} as Lambda runs them.
 */
class ItemsProcessorTests {

	private final ItemLog log = new ItemLog();

	// tag::processor-tester[]
	private final ProcessorTester processor = ProcessorTester.forDynamoDb(Item.class,
			new ItemsProcessorConfiguration().logItems(this.log));

	@Test
	void logsEveryChangeOfABatch() {
		LambdaEvent event = DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first"))
			.modify(new Item("one", "first"), new Item("one", "second"))
			.remove(new Item("one", "second"))
			.build();
		BatchResult result = this.processor.invoke(event);
		assertThat(result).hasNoBatchItemFailures();
		assertThat(this.log.lines()).containsExactly("INSERT: one -> first", "MODIFY: one -> second",
				"REMOVE: one -> (deleted)");
	}

	@Test
	void aPoisonItemFailsTheBatchAtItsRecordAndTheRecordsBeforeItCountAsProcessed() {
		LambdaEvent event = DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first"))
			.insert(new Item("two", "poison"))
			.insert(new Item("three", "third"))
			.build();
		BatchResult result = this.processor.invoke(event);
		assertThat(result).hasBatchItemFailures("200").hasProcessed("100");
		assertThat(this.log.lines()).containsExactly("INSERT: one -> first");
	}
	// end::processor-tester[]

	@Test
	void aRealEventFromAFileRunsTheSameWay() {
		// tag::event-file[]
		BatchResult result = this.processor.invoke(LambdaEvent.fromClasspath("events/items-modify.json"));
		assertThat(result).hasNoBatchItemFailures();
		assertThat(result.processedItemIdentifiers()).containsExactly("4421584500000000017450439091",
				"4421584500000000017450439092");
		// end::event-file[]
		assertThat(this.log.lines()).containsExactly("MODIFY: one -> second", "REMOVE: two -> (deleted)");
	}

	@Test
	void theRecordsAProcessorReceivesCanBeBuiltWithoutAnEvent() {
		// tag::records[]
		List<StreamRecord<Item>> records = DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first"))
			.records(Item.class);
		new ItemsProcessorConfiguration().logItems(this.log).apply(Flux.fromIterable(records)).block();
		// end::records[]
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.eventName()).isEqualTo(EventName.INSERT);
			assertThat(record.newImage()).contains(new Item("one", "first"));
		});
		assertThat(this.log.lines()).containsExactly("INSERT: one -> first");
	}

}
