package dev.tributary.kcl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers of the KCL runtime in JVMs of their own, reading one Kinesis stream of four shards in
 * moto_server: they share the shards, and when one that holds leases is killed ({@code kill -9})
 * the other takes its shards over from their checkpoints, losing nothing and repeating at most one
 * batch a shard.
 */
@ExtendWith(MotoServerExtension.class)
class KclWorkersIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(240);

	private static final int SHARDS = 4;

	private static final int BATCH_SIZE = 25;

	private final List<WorkerJvm> workers = new ArrayList<>();

	private URI endpoint;

	private KinesisClient kinesis;

	private String stream;

	private String app;

	@TempDir
	Path logs;

	@BeforeEach
	void setUp(URI endpoint) {
		this.endpoint = endpoint;
		this.kinesis = KinesisClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
		this.stream = MotoServerExtension.uniqueName("kcl-events");
		this.app = MotoServerExtension.uniqueName("kcl-workers");
		this.kinesis.createStream((request) -> request.streamName(this.stream).shardCount(SHARDS));
		await().atMost(WAIT).until(() -> this.kinesis.describeStreamSummary((request) -> request.streamName(this.stream))
			.streamDescriptionSummary()
			.streamStatus() == StreamStatus.ACTIVE);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		for (WorkerJvm worker : this.workers) {
			worker.close();
		}
		this.kinesis.close();
	}

	@Test
	void twoWorkersShareTheShardsAndAfterAKillTheOtherContinuesWithoutLoss() throws InterruptedException {
		WorkerJvm first = start("first");
		put(0, 40);
		await().atMost(WAIT).until(() -> payloads(first).containsAll(range(0, 40)));
		WorkerJvm second = start("second");
		int written = 40;
		long deadline = System.nanoTime() + WAIT.toNanos();
		// KCL moves leases to the new worker over a few assignment rounds; keep writing meanwhile.
		while (payloads(second).isEmpty() || shards(first).isEmpty()) {
			assertThat(System.nanoTime()).as("the second worker gets a share of the shards").isLessThan(deadline);
			put(written, written + 8);
			written += 8;
			Thread.sleep(500);
		}
		int shared = written;
		await().atMost(WAIT).until(() -> all().containsAll(range(0, shared)));
		assertThat(shards(second)).as("shards the second worker holds").isNotEmpty();

		// The second worker holds leases but is not KCL's leader (the first is): the leader's lease
		// assignment notices the dead worker's leases as they expire. A dead leader takes KCL about
		// two minutes to replace (docs/kcl.md), too long for a test.
		Set<String> secondShards = shards(second);
		long killedAt = System.nanoTime();
		second.kill();
		put(written, written + 80);
		int total = written + 80;
		int afterKill = written;
		await().atMost(WAIT).until(() -> processedOn(first, secondShards, range(afterKill, total)));
		// For docs/benchmarks.md: from the kill to the first record of the dead worker's shards.
		System.out.println("KCL takeover after kill -9 of a lease owner that is not the leader: "
				+ Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms");
		await().atMost(WAIT).until(() -> payloads(first).containsAll(range(shared, total)));
		assertThat(all()).as("every record, processed by one worker or the other").containsAll(range(0, total));
		assertThat(duplicatesPerShard()).as("records processed twice, per shard")
			.allSatisfy((shard, count) -> assertThat(count).isLessThanOrEqualTo(BATCH_SIZE));
		assertThat(first.isAlive()).isTrue();
	}

	private WorkerJvm start(String name) {
		WorkerJvm worker = WorkerJvm.start(name, this.logs, KclWorkers.properties(this.endpoint, this.app, "events",
				"tributary.streams.Events.name=" + this.stream, "tributary.kcl.worker-id=" + name + "-" + this.app));
		this.workers.add(worker);
		return worker;
	}

	private void put(int from, int to) {
		for (int i = from; i < to; i++) {
			String payload = "e-" + i;
			this.kinesis.putRecord((request) -> request.streamName(this.stream)
				.partitionKey("key-" + (payload.hashCode() % 97))
				.data(SdkBytes.fromUtf8String(payload)));
		}
	}

	private static Set<String> range(int from, int to) {
		Set<String> payloads = new HashSet<>();
		for (int i = from; i < to; i++) {
			payloads.add("e-" + i);
		}
		return payloads;
	}

	private static Set<String> payloads(WorkerJvm worker) {
		return worker.processed().stream().map((line) -> line.split(" ")[3]).collect(Collectors.toSet());
	}

	private static Set<String> shards(WorkerJvm worker) {
		return worker.processed().stream().map((line) -> line.split(" ")[1]).collect(Collectors.toSet());
	}

	private static boolean processedOn(WorkerJvm worker, Set<String> shards, Set<String> payloads) {
		return worker.processed().stream().map((line) -> line.split(" ")).anyMatch(
				(parts) -> shards.contains(parts[1]) && payloads.contains(parts[3]));
	}

	private Set<String> all() {
		Set<String> all = new HashSet<>();
		this.workers.forEach((worker) -> all.addAll(payloads(worker)));
		return all;
	}

	private Map<String, Integer> duplicatesPerShard() {
		Map<String, Integer> duplicates = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (WorkerJvm worker : this.workers) {
			for (String line : worker.processed()) {
				String[] parts = line.split(" ");
				if (!seen.add(parts[3])) {
					duplicates.merge(parts[1], 1, Integer::sum);
				}
			}
		}
		return duplicates;
	}

}
