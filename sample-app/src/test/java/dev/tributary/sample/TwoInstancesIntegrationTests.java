package dev.tributary.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the sample application, each in its own JVM without a web server, against one
 * moto_server and one checkpoint table: the second is a standby; after {@code kill -9} of the
 * active one it takes over once the lease expires; each record is processed once, plus at most
 * one batch (10 records) around the takeover. Both stay up as services until they are stopped.
 */
@ExtendWith(MotoServerExtension.class)
class TwoInstancesIntegrationTests {

	private static final int BATCH_SIZE = 10;

	private static final int RECORDS = 300;

	private final String table = MotoServerExtension.uniqueName("Items");

	private final List<String> properties = List.of("--tributary.tables.Items.name=" + this.table,
			"--tributary.queues.ItemChanges.name=" + MotoServerExtension.uniqueName("ItemChanges"),
			"--tributary.local.checkpoints.table-name=" + MotoServerExtension.uniqueName("checkpoints"),
			"--tributary.local.lease.duration=3s", "--tributary.local.lease.heartbeat-interval=1s",
			"--tributary.local.shard-discovery-interval=1s", "--tributary.local.poll-interval=50ms",
			"--tributary.local.max-idle-poll-interval=200ms");

	private final DynamoDbClient dynamoDb = AwsTestClients.dynamoDb();

	private final List<SampleAppInstance> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(SampleAppInstance::close);
		this.dynamoDb.close();
	}

	@Test
	void theStandbyTakesOverAfterKillDashNineAndEachRecordIsProcessedOnceButForOneBatch() throws Exception {
		SampleAppInstance active = start("active");
		await().atMost(Duration.ofSeconds(90)).until(() -> active.line("Tributary local runtime started").isPresent());
		put("warm-up");
		await().atMost(Duration.ofSeconds(30)).until(() -> active.processedKeys().contains("warm-up"));
		SampleAppInstance standby = start("standby");
		await().atMost(Duration.ofSeconds(90))
			.failFast(() -> !standby.process().isAlive())
			.until(() -> standby.line("is standby for shard").isPresent());
		CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < RECORDS; i++) {
				put("k-" + i);
			}
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> active.processedKeys().size() > RECORDS / 3);
		assertThat(active.process().isAlive()).as("a service without a web server stays up").isTrue();
		active.process().destroyForcibly();
		java.time.Instant killed = java.time.Instant.now();
		assertThat(active.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		writes.get(120, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(90))
			.failFast(() -> !standby.process().isAlive())
			.until(() -> union(active, standby).size() == RECORDS);
		SampleAppInstance.Line tookOver = standby.line("took over shard").orElseThrow();
		long takeoverMillis = Duration.between(killed, tookOver.at()).toMillis();

		Map<String, Long> counts = union(active, standby);
		List<String> repeated = counts.entrySet().stream().filter((e) -> e.getValue() > 1).map(Map.Entry::getKey).toList();
		System.out.println("Two sample-app JVMs: the standby took over " + takeoverMillis + " ms after kill -9 of the "
				+ "active one (lease 3s, heartbeat 1s); " + repeated.size() + " of " + RECORDS + " record(s) processed twice "
				+ repeated + "; active processed " + active.processedKeys().size() + ", standby "
				+ standby.processedKeys().size());
		String logs = active.tail() + standby.tail();
		assertThat(counts.values()).as(logs).allMatch((count) -> count <= 2);
		assertThat(repeated).as(logs).hasSizeLessThanOrEqualTo(BATCH_SIZE);
		assertThat(standby.indexOfFirstProcessed()).as("the standby processed nothing before it took over")
			.isGreaterThan(standby.indexOf("took over shard"));
		Set<String> beforeKill = new HashSet<>(active.processedKeys());
		assertThat(repeated).as("only records the dead instance had processed").allMatch(beforeKill::contains);

		assertThat(standby.process().isAlive()).isTrue();
		standby.process().destroy();
		assertThat(standby.process().waitFor(60, TimeUnit.SECONDS)).as(standby.tail()).isTrue();
		// Its output may still be on its way through the pipe.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(standby.line("Tributary local runtime stopped"))
				.as("exit " + standby.process().exitValue() + "\n" + standby.tail())
				.isPresent());
	}

	private SampleAppInstance start(String name) throws Exception {
		SampleAppInstance instance = SampleAppInstance.start(name, MotoServerExtension.endpoint(), this.properties);
		this.instances.add(instance);
		return instance;
	}

	private static Map<String, Long> union(SampleAppInstance first, SampleAppInstance second) {
		List<String> all = new ArrayList<>(first.processedKeys());
		all.addAll(second.processedKeys());
		return all.stream()
			.filter((key) -> key.startsWith("k-"))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private void put(String id) {
		this.dynamoDb.putItem((request) -> request.tableName(this.table)
			.item(Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS("c-" + id))));
	}

}
