package dev.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.kinesis.local.KinesisLocalSource;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.FaultInjectingProxy;
import dev.tributary.test.FaultInjectingProxy.Faults;
import dev.tributary.test.MotoServerExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime reading a two-shard Kinesis stream through a proxy that fails, throttles,
 * drops and delays a share of its calls (Kinesis and checkpoints), then all of them for an
 * outage: every record is processed, each partition key in order, none lost; health goes down
 * during the outage and up after it; the meters count the failed Kinesis calls.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class KinesisFaultInjectionIntegrationTests {

	private static final int KEYS = 8;

	private static final LocalRuntimeOptions OPTIONS = LocalRuntimeFixture.UNDER_FAULTS;

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/** What the processor saw of each key, in the order it saw it: the round numbers. */
	private final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void processesEveryRecordInOrderThroughFailuresThrottlesDropsDelaysAndAnOutage(CapturedOutput output)
			throws Exception {
		FaultInjectingProxy proxy = new FaultInjectingProxy(MotoServerExtension.endpoint(),
				new Faults(0.10, 0.05, 0.05, 0.10, Duration.ofMillis(150)), 7);
		this.closeables.add(proxy);
		String stream = "faults-" + UUID.randomUUID();
		LocalStreamRuntime runtime = start(proxy, stream);
		TributaryHealthIndicator health = new TributaryHealthIndicator(runtime);

		write(stream, 0, 15);
		await().atMost(Duration.ofSeconds(60)).until(() -> distinct() == 15 * KEYS);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		proxy.outage(true);
		write(stream, 15, 25);
		await().atMost(Duration.ofSeconds(90)).until(() -> health.health().getStatus().equals(Status.DOWN));
		assertThat(health.health().getDetails().get("outage").toString()).contains("UNAVAILABLE", "lastError");
		proxy.outage(false);

		await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
		write(stream, 25, 30);
		await().atMost(Duration.ofSeconds(60)).until(() -> distinct() == 30 * KEYS);

		for (int key = 0; key < KEYS; key++) {
			assertThat(List.copyOf(this.seen.get("k" + key)).stream().distinct().toList()).as("k" + key)
				.containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
		}
		assertThat(proxy.count("error500") + proxy.count("throttled")).isPositive();
		assertThat(proxy.count("outage")).isPositive();
		assertThat(this.registry.find("tributary.aws.errors")
			.tag("processor", "outage")
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag("operation")))
			.containsAnyOf("GetRecords", "GetShardIterator", "DescribeStream");
		assertThat(this.registry.find("tributary.aws.retries").tag("processor", "outage").counters()
			.stream().mapToDouble(Counter::count).sum()).isPositive();
		assertThat(this.registry.find("tributary.aws.sdk.retries").tag("processor", "outage").counters()
			.stream().mapToDouble(Counter::count).sum()).as("retries by the SDK, counted").isPositive();
		assertThat(output).contains("works again after").doesNotContain("\tat software.amazon.awssdk");
	}

	private LocalStreamRuntime start(FaultInjectingProxy proxy, String stream) {
		KinesisClient kinesis = AwsTestClients.configure(KinesisClient.builder())
			.endpointOverride(proxy.endpoint())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		DynamoDbClient dynamoDb = AwsTestClients.configure(DynamoDbClient.builder())
			.endpointOverride(proxy.endpoint())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		this.closeables.add(kinesis);
		this.closeables.add(dynamoDb);
		// Created straight in moto: the faults are for reading, not for provisioning.
		this.fixture.kinesis.createStream((request) -> request.streamName(stream).shardCount(2));
		KinesisProcessorDefinition<String> processor = new KinesisProcessorDefinition<>("outage",
				new KinesisStreamBinding(new KinesisStreamDescriptor("faults", stream, null,
						KinesisStreamMode.PROVISIONED, 2), new KinesisStreamOptions(StartingPosition.TRIM_HORIZON, null)),
				ProcessorOptions.builder().batchSize(10).build(), ResolvableType.forClass(String.class),
				StreamProcessors.forEach((KinesisRecord<String> record) -> this.seen
					.computeIfAbsent(record.partitionKey(), (key) -> LocalRuntimeFixture.synchronizedList())
					.add(Integer.parseInt(record.payload()))));
		LocalStreamRuntime runtime = new LocalStreamRuntime(new DefaultStreamProcessorRegistry(List.of(processor)),
				List.of(new KinesisLocalSource(kinesis, new SdkRetryMetrics(new MicrometerRuntimeMetrics(this.registry)))),
				new ShardEngine(new DynamoDbCheckpointStore(dynamoDb, MotoServerExtension.uniqueName("checkpoints")),
						(definition) -> this.fixture.logged, OPTIONS, new MicrometerRuntimeMetrics(this.registry),
						Clock.systemUTC()));
		this.closeables.add(runtime::stop);
		runtime.start();
		return runtime;
	}

	/** Write rounds {@code from} to {@code to - 1} of every key, straight to moto (not through the proxy). */
	private void write(String stream, int from, int to) {
		for (int round = from; round < to; round++) {
			for (int key = 0; key < KEYS; key++) {
				String payload = String.valueOf(round);
				String partitionKey = "k" + key;
				this.fixture.kinesis.putRecord((request) -> request.streamName(stream)
					.partitionKey(partitionKey)
					.data(SdkBytes.fromUtf8String(payload)));
			}
		}
	}

	private long distinct() {
		return this.seen.values().stream().mapToLong((rounds) -> List.copyOf(rounds).stream().distinct().count()).sum();
	}

}
