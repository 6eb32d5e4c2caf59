package dev.tributary.benchmarks.kcl;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PutItem-to-processor latency, startup and takeover of the KCL runtime against the local
 * runtime, each in worker JVMs reading one table's stream in moto_server (one shard):
 * <ol>
 * <li>startup: from starting worker A's JVM to its first record processed;</li>
 * <li>latency: PutItem (the time before the call) to the processor, writing at 10 per second;</li>
 * <li>takeover after {@code kill -9}: worker B waits as a standby; A is killed while writes go on
 * every 100 ms; from the kill to B's first record;</li>
 * <li>takeover after a graceful stop: worker C waits; B gets SIGTERM; from then to C's first
 * record.</li>
 * </ol>
 * Both runtimes get a 3 s failover (KCL's failover time, the local runtime's lease duration).
 * Run by hand: {@code java -cp benchmarks/kcl/target/classes:$(cat benchmarks/kcl/target/classpath.txt)
 * dev.tributary.benchmarks.kcl.KclBenchmark http://127.0.0.1:PORT [latency writes]}.
 */
public final class KclBenchmark {

	private final URI endpoint;

	private final String classpath;

	private final Path directory;

	private final DynamoDbClient dynamoDb;

	private final int writes;

	private KclBenchmark(URI endpoint, int writes) throws Exception {
		this.endpoint = endpoint;
		this.writes = writes;
		this.classpath = System.getProperty("java.class.path");
		this.directory = Files.createTempDirectory("kcl-benchmark");
		this.dynamoDb = DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	public static void main(String[] args) throws Exception {
		KclBenchmark benchmark = new KclBenchmark(URI.create(args[0]), (args.length > 1) ? Integer.parseInt(args[1]) : 200);
		System.out.println("Worker logs in " + benchmark.directory);
		List<String> rows = new ArrayList<>();
		for (String runtime : List.of("local", "kcl")) {
			rows.add(benchmark.run(runtime));
		}
		System.out.println();
		System.out.println("| runtime | startup to first record | PutItem to processor p50 / p99 | takeover after kill -9 | takeover after SIGTERM |");
		System.out.println("| --- | --- | --- | --- | --- |");
		rows.forEach(System.out::println);
	}

	private String run(String runtime) throws Exception {
		String run = runtime + "-" + System.currentTimeMillis();
		String table = "bench-" + run;
		List<String> properties = List.of("tributary.runtime=" + runtime, "spring.cloud.aws.endpoint=" + this.endpoint,
				"spring.cloud.aws.region.static=us-east-1", "spring.cloud.aws.credentials.access-key=test",
				"spring.cloud.aws.credentials.secret-key=test", "spring.main.web-application-type=none",
				"tributary.tables.Items.name=" + table, "tributary.local.checkpoints.table-name=checkpoints-" + run,
				"tributary.local.lease.duration=3s", "tributary.local.lease.heartbeat-interval=1s",
				"tributary.kcl.app-name=" + run, "tributary.kcl.failover-time=3s");
		Worker a = Worker.start(runtime + "-a", this.directory, this.classpath, properties);
		int[] counter = { 0 };
		await(() -> {
			if (table(table)) {
				put(table, "warmup-" + counter[0]++);
			}
			return a.seen().keySet().stream().anyMatch((content) -> content.startsWith("warmup-"));
		}, 300_000);
		long startup = a.seen().values().stream().min(Long::compare).orElseThrow() - a.startedAt;
		List<Long> latencies = latencies(table, a);
		Worker b = Worker.start(runtime + "-b", this.directory, this.classpath, properties);
		await(() -> b.logged("Started BenchmarkWorker"), 120_000);
		Thread.sleep(10_000);
		long kill = takeover(table, a, b, true, "kill");
		Worker c = Worker.start(runtime + "-c", this.directory, this.classpath, properties);
		await(() -> c.logged("Started BenchmarkWorker"), 120_000);
		Thread.sleep(10_000);
		long graceful = takeover(table, b, c, false, "term");
		c.terminate();
		Collections.sort(latencies);
		return "| " + runtime + " | " + seconds(startup) + " | " + latencies.get(latencies.size() / 2) + " ms / "
				+ latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) + " ms | " + seconds(kill) + " | "
				+ seconds(graceful) + " |";
	}

	private List<Long> latencies(String table, Worker worker) throws Exception {
		Map<String, Long> putAt = new java.util.LinkedHashMap<>();
		for (int i = 0; i < this.writes; i++) {
			String content = "latency-" + i;
			putAt.put(content, System.currentTimeMillis());
			put(table, content);
			Thread.sleep(100);
		}
		await(() -> worker.seen().keySet().containsAll(putAt.keySet()), 60_000);
		Map<String, Long> seen = worker.seen();
		List<Long> latencies = new ArrayList<>();
		putAt.forEach((content, at) -> latencies.add(seen.get(content) - at));
		return latencies;
	}

	/**
	 * Stop the holder, keep writing every 100 ms, and return how long until the standby processes.
	 */
	private long takeover(String table, Worker holder, Worker standby, boolean kill, String prefix) throws Exception {
		long stoppedAt = System.currentTimeMillis();
		if (kill) {
			holder.kill();
		}
		else {
			new Thread(() -> {
				try {
					holder.terminate();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}).start();
		}
		int[] counter = { 0 };
		await(() -> {
			put(table, prefix + "-" + counter[0]++);
			sleep(100);
			return standby.seen().keySet().stream().anyMatch((content) -> content.startsWith(prefix + "-"));
		}, 600_000);
		return standby.seen()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix + "-"))
			.mapToLong(Map.Entry::getValue)
			.min()
			.orElseThrow() - stoppedAt;
	}

	private boolean table(String table) {
		return this.dynamoDb.listTables().tableNames().contains(table);
	}

	private void put(String table, String content) {
		this.dynamoDb.putItem((request) -> request.tableName(table)
			.item(Map.of("id", AttributeValue.fromS(content), "content", AttributeValue.fromS(content))));
	}

	private static long await(BooleanSupplier condition, long timeoutMillis) {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("Timed out after " + timeoutMillis + " ms");
			}
			sleep(200);
		}
		return System.currentTimeMillis();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String seconds(long millis) {
		return String.format("%.1f s", millis / 1000.0);
	}

}
