package dev.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.dynamodb.local.SdkStreamClient;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.provision.TableProvisioner;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime against moto through a proxy that fails, throttles, drops and delays a share
 * of the runtime's calls (stream and checkpoint), then drops all of them for an outage: every
 * record is processed, each key in order, none lost; the health indicator is down during the
 * outage and up after it; the meters count the failed calls; the log has one line per streak.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class FaultInjectionIntegrationTests {

	private static final int KEYS = 10;

	private static final int BATCH_SIZE = 10;

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
		TableDescriptor table = this.fixture.newTable("faults");
		this.fixture.createTable(table, StreamViewType.NEW_IMAGE);
		FaultInjectingProxy proxy = new FaultInjectingProxy(MotoServerExtension.endpoint(),
				new Faults(0.10, 0.05, 0.05, 0.10, Duration.ofMillis(150)), 42);
		this.closeables.add(proxy);
		LocalStreamRuntime runtime = start(proxy, table);
		TributaryHealthIndicator health = new TributaryHealthIndicator(runtime);

		// Faults on a share of calls, absorbed by the SDK's retries and ours.
		write(table, 0, 20);
		await().atMost(Duration.ofSeconds(60)).until(() -> distinct() == 20 * KEYS);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		// An outage: every call fails until the runtime reports it cannot read.
		proxy.outage(true);
		write(table, 20, 30);
		await().atMost(Duration.ofSeconds(90)).until(() -> health.health().getStatus().equals(Status.DOWN));
		Health down = health.health();
		double ageWhenDown = iteratorAge();
		await().atMost(Duration.ofSeconds(30)).until(() -> iteratorAge() > ageWhenDown + 2000);
		assertThat(errors()).isPositive();
		proxy.outage(false);

		await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
		write(table, 30, 40);
		await().atMost(Duration.ofSeconds(60)).until(() -> distinct() == 40 * KEYS);

		for (int key = 0; key < KEYS; key++) {
			List<Integer> rounds = List.copyOf(this.seen.get("k" + key));
			assertThat(firstOccurrences(rounds)).as("k" + key)
				.containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
		}
		int duplicates = this.seen.values().stream().mapToInt(List::size).sum() - 40 * KEYS;
		assertThat(duplicates).as("records processed twice").isLessThanOrEqualTo(BATCH_SIZE);
		assertThat(down.getDetails()).containsKey("outage");
		assertThat(down.getDetails().get("outage").toString()).contains("UNAVAILABLE", "lastError", "since");
		assertThat(proxy.count("error500")).isPositive();
		assertThat(proxy.count("throttled")).isPositive();
		assertThat(proxy.count("dropped")).isPositive();
		assertThat(proxy.count("delayed")).isPositive();
		assertThat(proxy.count("outage")).isPositive();
		// Which calls the random faults and the outage hit varies from run to run: some stream call did.
		assertThat(this.registry.find("tributary.aws.errors")
			.tag("processor", "outage")
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag("operation")))
			.containsAnyOf("GetRecords", "GetShardIterator", "DescribeStream");
		assertThat(this.registry.find("tributary.aws.retries").tag("processor", "outage").counters()
			.stream().mapToDouble(Counter::count).sum()).isPositive();
		double sdkRetries = this.registry.find("tributary.aws.sdk.retries")
			.tag("processor", "outage")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		assertThat(sdkRetries).isPositive();
		assertThat(this.registry.find("tributary.aws.sdk.retries")
			.tag("processor", "outage")
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag("error")))
			.containsAnyOf("ServerError", "Throttling");
		assertThat(output).contains("works again after").doesNotContain("\tat software.amazon.awssdk");
		System.out.println("Fault injection: " + proxy.injected() + " injected faults (" + proxy.count("error500")
				+ " 500s, " + proxy.count("throttled") + " throttles, " + proxy.count("dropped") + " drops, "
				+ proxy.count("delayed") + " delays), " + proxy.count("outage") + " calls dropped by the outage, "
				+ proxy.count("forwarded") + " forwarded; " + sdkRetries + " retries by the SDK (stream calls), " + errors() + " failed calls after the SDK's retries; "
				+ duplicates + " duplicate(s)");
	}

	private LocalStreamRuntime start(FaultInjectingProxy proxy, TableDescriptor table) {
		DynamoDbClient dynamoDb = AwsTestClients.configure(DynamoDbClient.builder())
			.endpointOverride(proxy.endpoint())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		DynamoDbStreamsClient streams = AwsTestClients.configure(DynamoDbStreamsClient.builder())
			.endpointOverride(proxy.endpoint())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		this.closeables.add(dynamoDb);
		this.closeables.add(streams);
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.NEW_IMAGE, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(BATCH_SIZE)
			.build();
		StreamProcessorDefinition<?> processor = LocalRuntimeFixture.processor("outage", table, source, options,
				StreamProcessors.forEach((record) -> this.seen
					.computeIfAbsent(LocalRuntimeFixture.id(record), (key) -> LocalRuntimeFixture.synchronizedList())
					.add(Integer.parseInt(record.newImage().orElseThrow().get("round").n()))));
		MicrometerRuntimeMetrics metrics = new MicrometerRuntimeMetrics(this.registry);
		LocalStreamRuntime runtime = new LocalStreamRuntime(new DefaultStreamProcessorRegistry(List.of(processor)),
				List.of(new DynamoDbLocalSource(new TableProvisioner(this.fixture.dynamoDb),
						new SdkStreamClient(streams, new SdkRetryMetrics(metrics)))),
				new ShardEngine(new DynamoDbCheckpointStore(dynamoDb, MotoServerExtension.uniqueName("checkpoints")),
						(definition) -> this.fixture.logged, OPTIONS, metrics, Clock.systemUTC()));
		this.closeables.add(runtime::stop);
		runtime.start();
		return runtime;
	}

	/** Write rounds {@code from} to {@code to - 1} of every key, straight to moto (not through the proxy). */
	private void write(TableDescriptor table, int from, int to) {
		for (int round = from; round < to; round++) {
			for (int key = 0; key < KEYS; key++) {
				String round_ = String.valueOf(round);
				String id = "k" + key;
				this.fixture.dynamoDb.putItem((request) -> request.tableName(table.name())
					.item(Map.of("id", AttributeValue.fromS(id), "round", AttributeValue.fromN(round_))));
			}
		}
	}

	private long distinct() {
		return this.seen.values().stream().mapToLong((rounds) -> List.copyOf(rounds).stream().distinct().count()).sum();
	}

	private static List<Integer> firstOccurrences(List<Integer> rounds) {
		return rounds.stream().distinct().toList();
	}

	private double errors() {
		return this.registry.find("tributary.aws.errors").counters().stream().mapToDouble(Counter::count).sum();
	}

	private double iteratorAge() {
		return this.registry.get("tributary.iterator.age").tag("processor", "outage").gauge().value();
	}

}
