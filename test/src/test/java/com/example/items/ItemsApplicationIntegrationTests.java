package com.example.items;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.tributary.test.autoconfigure.AutoConfigureMotoEmulator;
import dev.tributary.test.autoconfigure.AutoConfigureProcessorTester;
import dev.tributary.test.emulator.MotoEmulator;
import dev.tributary.test.event.DynamoDbEvents;
import dev.tributary.test.processor.ProcessorTester;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application on the test run's shared emulator: a write to the table reaches the
 * processor through the table's stream, and the same processor bean runs over a Lambda event as
 * it would inside AWS Lambda.
 */
// tag::spring-boot-test[]
@SpringBootTest
@AutoConfigureMotoEmulator
@AutoConfigureProcessorTester
class ItemsApplicationIntegrationTests {

	// The emulator is shared by the whole run: a table of this class's own.
	private static final String TABLE = "Items-" + UUID.randomUUID();

	@DynamicPropertySource
	static void itemsTable(DynamicPropertyRegistry registry) {
		registry.add("tributary.tables.Items.name", () -> TABLE);
	}

	@Autowired
	private DynamoDbClient dynamoDb;

	@Autowired
	private ItemLog log;

	@Autowired
	private ProcessorTester processors;

	@Test
	void aWrittenItemReachesTheProcessorThroughTheTablesStream() {
		this.dynamoDb.putItem((put) -> put.tableName(TABLE)
			.item(Map.of("id", AttributeValue.fromS("one"), "content", AttributeValue.fromS("first"))));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.log.lines().contains("INSERT: one -> first"));
	}

	@Test
	void theProcessorBeanRunsOverALambdaEventAsInLambda() {
		assertThat(this.processors.invoke("logItems", DynamoDbEvents.forTable(TABLE)
			.insert(new Item("lambda-1", "ok"))
			.insert(new Item("lambda-2", "poison"))
			.build())).hasBatchItemFailures("200").hasProcessed("100");
		assertThat(this.log.lines()).contains("INSERT: lambda-1 -> ok").doesNotContain("INSERT: lambda-2 -> poison");
	}
	// end::spring-boot-test[]

	@Test
	void theApplicationTalksToTheSharedEmulator(@Autowired MotoEmulator emulator,
			@Value("${spring.cloud.aws.endpoint}") String endpoint) {
		assertThat(emulator).isSameAs(MotoEmulator.shared());
		assertThat(endpoint).isEqualTo(emulator.endpoint().toString());
	}

}
