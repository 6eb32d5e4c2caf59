package dev.tributary.benchmarks.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.tributary.benchmarks.report.Samples;
import dev.tributary.local.emulator.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local runtime as a developer runs it: the sample app's executable jar with its defaults,
 * against a {@code moto_server} started on a free port. Items are written with PutItem at a
 * steady pace, and each one's latency runs from just before its PutItem to the processor's log
 * line for it; then a few writes far apart show the latency after idle back-off. Then a burst of
 * writes measures the records per second the runtime sustains. Last, once the fan-out has
 * forwarded the burst to the {@code ItemChanges} queue and the queue processor has logged it,
 * messages are sent straight to that queue at the same steady pace, each timed from just before
 * its SendMessage to the queue processor's log line for it ({@link QueueSends}).
 *
 * @author Tributary
 */
public final class LocalLatencyBenchmark {

	private static final String TABLE = "Items";

	private static final int WARMUP_WRITES = 50;

	// Writes far enough apart for the runtime to back off as on an idle table.
	private static final int SPARSE_WRITES = 20;

	private static final double SPARSE_SPACING_SECONDS = 1.5;

	private final Path java;

	private final Path sampleJar;

	/**
	 * Create the benchmark.
	 * @param java the {@code java} executable
	 * @param sampleJar the sample app's Spring Boot executable jar
	 */
	public LocalLatencyBenchmark(Path java, Path sampleJar) {
		this.java = java;
		this.sampleJar = sampleJar;
	}

	/**
	 * Run the benchmark.
	 * @param writes how many paced writes to time
	 * @param writesPerSecond their pace
	 * @param burst how many records to write as fast as possible afterwards
	 * @return the measurements
	 * @throws InterruptedException if interrupted
	 */
	public LocalLatencyResult run(int writes, double writesPerSecond, int burst) throws InterruptedException {
		Path executable = MotoServer.findExecutable()
			.orElseThrow(() -> new IllegalStateException(MotoServer.EXECUTABLE + " is not on the PATH"));
		try (MotoServer moto = MotoServer.start(executable, Duration.ofSeconds(60));
				DynamoDbClient dynamoDb = client(moto);
				SqsClient sqs = sqsClient(moto)) {
			Process app = start(moto);
			try {
				ProcessorLog log = new ProcessorLog(app.getInputStream());
				log.awaitStarted(Duration.ofSeconds(120));
				pacedWrites(dynamoDb, log, "warmup-", WARMUP_WRITES, writesPerSecond);
				Samples latency = pacedWrites(dynamoDb, log, "latency-", writes, writesPerSecond);
				Samples sparse = pacedWrites(dynamoDb, log, "sparse-", SPARSE_WRITES, 1 / SPARSE_SPACING_SECONDS);
				long burstStart = System.nanoTime();
				List<String> ids = burstWrites(dynamoDb, burst);
				double writeSeconds = (System.nanoTime() - burstStart) / 1e9;
				if (!log.awaitAll(ids, Duration.ofSeconds(120))) {
					throw new IllegalStateException("The processor did not see every record of the burst");
				}
				// From the first record seen to the last: the runtime may be in its idle back-off
				// when the burst starts, which is latency, not throughput.
				double drainSeconds = (seenAt(log, ids.get(ids.size() - 1)) - seenAt(log, ids.get(0))) / 1e9;
				// Every PutItem above is also forwarded to the queue: let the queue drain first, so
				// that the sends below are the only messages in it.
				if (!log.awaitQueued(ids, Duration.ofSeconds(180))) {
					throw new IllegalStateException("The queue processor did not log every forwarded burst record");
				}
				QueueSends queue = new QueueSends(sqs, log);
				queue.paced("sqs-warmup-", WARMUP_WRITES, writesPerSecond);
				Samples queued = queue.paced("sqs-latency-", writes, writesPerSecond);
				return new LocalLatencyResult(latency, writesPerSecond, sparse, SPARSE_SPACING_SECONDS,
						(burst - 1) / drainSeconds, burst, writeSeconds, queued);
			}
			finally {
				stop(app);
			}
		}
	}

	private Process start(MotoServer moto) {
		List<String> command = List.of(this.java.toString(), "-jar", this.sampleJar.toString(),
				"--spring.cloud.aws.endpoint=" + moto.endpoint(), "--spring.cloud.aws.credentials.access-key=test",
				"--spring.cloud.aws.credentials.secret-key=test", "--server.port=0");
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	private static Samples pacedWrites(DynamoDbClient dynamoDb, ProcessorLog log, String prefix, int writes,
			double writesPerSecond) throws InterruptedException {
		Map<String, Long> writtenAt = new LinkedHashMap<>();
		long start = System.nanoTime();
		long interval = (long) (1e9 / writesPerSecond);
		for (int i = 0; i < writes; i++) {
			long due = start + i * interval;
			LockSupport.parkNanos(due - System.nanoTime());
			String id = prefix + i;
			writtenAt.put(id, System.nanoTime());
			dynamoDb.putItem((put) -> put.tableName(TABLE).item(item(id)));
		}
		if (!log.awaitAll(writtenAt.keySet(), Duration.ofSeconds(60))) {
			throw new IllegalStateException("The processor did not see every " + prefix + " record within 60s");
		}
		Samples latency = new Samples();
		writtenAt.forEach((id, at) -> latency.add((seenAt(log, id) - at) / 1e6));
		return latency;
	}

	private static List<String> burstWrites(DynamoDbClient dynamoDb, int burst) {
		List<String> ids = new ArrayList<>();
		for (int from = 0; from < burst; from += 25) {
			List<WriteRequest> requests = new ArrayList<>();
			for (int i = from; i < Math.min(burst, from + 25); i++) {
				String id = "burst-" + i;
				ids.add(id);
				requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(id)).build()).build());
			}
			BatchWriteItemResponse response = dynamoDb.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE, requests)));
			if (!response.unprocessedItems().isEmpty()) {
				throw new IllegalStateException("The emulator left items unprocessed");
			}
		}
		return ids;
	}

	private static long seenAt(ProcessorLog log, String id) {
		return Objects.requireNonNull(log.seenAt(id), () -> "Record " + id + " was not seen");
	}

	private static Map<String, AttributeValue> item(String id) {
		return Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS("benchmark"));
	}

	private static DynamoDbClient client(MotoServer moto) {
		return DynamoDbClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	private static SqsClient sqsClient(MotoServer moto) {
		return SqsClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		if (!app.waitFor(30, TimeUnit.SECONDS)) {
			app.destroyForcibly();
		}
	}

}
