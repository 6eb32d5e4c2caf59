package dev.tributary.kcl;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One worker of the KCL runtime in this JVM, reading a DynamoDB table's stream in moto_server
 * through the real KCL and adapter: order, restarts, partial failures, status, tables.
 */
@ExtendWith(MotoServerExtension.class)
class KclRuntimeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(180);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private URI endpoint;

	private DynamoDbClient dynamoDb;

	private String table;

	private String app;

	@BeforeEach
	void setUp(URI endpoint) {
		this.endpoint = endpoint;
		this.dynamoDb = DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
		this.table = MotoServerExtension.uniqueName("kcl-items");
		this.app = MotoServerExtension.uniqueName("kcl-app");
		KclTestWorker.PROCESSED.clear();
	}

	@AfterEach
	void tearDown() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.dynamoDb.close();
	}

	@Test
	void oneWorkerProcessesEveryRecordInOrderAndResumesAfterARestart() {
		ConfigurableApplicationContext first = start();
		put(0, 60);
		await().atMost(WAIT).until(() -> KclTestWorker.PROCESSED.size() >= 60);
		assertThat(contents()).containsExactlyElementsOf(expected(0, 60));
		// The status counts a batch once it is done, just after the processor has seen its records.
		await().atMost(WAIT).untilAsserted(() -> {
			ProcessorStatus status = first.getBean(LocalStreamRuntime.class).getStatus().get(0);
			assertThat(status.name()).isEqualTo("items");
			assertThat(status.shards()).singleElement()
				.satisfies((shard) -> assertThat(shard.recordsProcessed()).isEqualTo(60));
		});
		first.close();
		put(60, 90);
		start();
		await().atMost(WAIT).until(() -> KclTestWorker.PROCESSED.size() >= 90);
		assertThat(contents()).as("after the restart, only what was written meanwhile")
			.containsExactlyElementsOf(expected(0, 90));
		ListTablesResponse tables = this.dynamoDb.listTables();
		String application = this.app + "-dev-items";
		assertThat(tables.tableNames()).contains(application, application + "-CoordinatorState",
				application + "-WorkerMetricStats");
	}

	@Test
	void aRecordThatFailsIsRetriedFromItselfWithoutTheRecordsBeforeIt() {
		KclTestWorker.failOnce.add("v-7");
		start();
		put(0, 15);
		await().atMost(WAIT).until(() -> KclTestWorker.PROCESSED.size() >= 15);
		assertThat(contents()).containsExactlyElementsOf(expected(0, 15));
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(KclTestWorker.class)
			.properties(KclWorkers.properties(this.endpoint, this.app, "items", "tributary.tables.Items.name=" + this.table)
				.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		return context;
	}

	private void put(int from, int to) {
		for (int i = from; i < to; i++) {
			int n = i;
			this.dynamoDb.putItem((request) -> request.tableName(this.table)
				.item(java.util.Map.of("id", AttributeValue.fromS("item-" + n), "content",
						AttributeValue.fromS("v-" + n))));
		}
	}

	private static List<String> contents() {
		return KclTestWorker.PROCESSED.stream().map((line) -> line.substring(line.lastIndexOf(' ') + 1)).toList();
	}

	private static List<String> expected(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "v-" + i).toList();
	}

}
