package dev.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessors;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.sqs.local.SqsLocalSource;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime reading an SQS queue through a proxy that fails, throttles, drops and delays
 * a share of its calls, then all of them for an outage: every message is processed, none lost
 * (a message whose deletion was lost comes back and is processed again, at least once); health
 * goes down during the outage and up after it; the meters count the failed calls.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class SqsFaultInjectionIntegrationTests {

	private static final LocalRuntimeOptions OPTIONS = LocalRuntimeFixture.UNDER_FAULTS;

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void processesEveryMessageThroughFailuresThrottlesDropsDelaysAndAnOutage(CapturedOutput output) throws Exception {
		FaultInjectingProxy proxy = new FaultInjectingProxy(MotoServerExtension.endpoint(),
				new Faults(0.10, 0.05, 0.05, 0.10, Duration.ofMillis(150)), 11);
		this.closeables.add(proxy);
		String name = "faults-" + UUID.randomUUID();
		String url = this.fixture.sqs.createQueue((request) -> request.queueName(name)
			.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
					"2")))
			.queueUrl();
		LocalStreamRuntime runtime = start(proxy, name);
		TributaryHealthIndicator health = new TributaryHealthIndicator(runtime);

		send(url, 0, 40);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.seen.size() == 40);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		proxy.outage(true);
		send(url, 40, 60);
		await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.DOWN));
		proxy.outage(false);
		await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
		send(url, 60, 80);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.seen.size() == 80);

		assertThat(proxy.count("outage")).isPositive();
		assertThat(proxy.count("error500") + proxy.count("throttled")).isPositive();
		assertThat(this.registry.find("tributary.aws.errors")
			.tag("processor", "faulty")
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag("operation"))).containsAnyOf("ReceiveMessage", "DeleteMessageBatch");
		assertThat(this.registry.find("tributary.aws.retries").tag("processor", "faulty").counters()
			.stream().mapToDouble(Counter::count).sum()).isPositive();
		assertThat(this.registry.find("tributary.aws.sdk.retries").tag("processor", "faulty").counters()
			.stream().mapToDouble(Counter::count).sum()).as("retries by the SDK, counted").isPositive();
		assertThat(output).contains("works again after").doesNotContain("\tat software.amazon.awssdk");
	}

	private LocalStreamRuntime start(FaultInjectingProxy proxy, String name) {
		SqsClient sqs = AwsTestClients.configure(SqsClient.builder())
			.endpointOverride(proxy.endpoint())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		this.closeables.add(sqs);
		SqsProcessorDefinition<String> processor = new SqsProcessorDefinition<>("faulty",
				new SqsQueueBinding(new SqsQueueDescriptor("faulty", name, null, false, Duration.ofSeconds(2), null, 5),
						SqsQueueOptions.defaults()),
				ProcessorOptions.builder().batchSize(10).build(), ResolvableType.forClass(String.class),
				StreamProcessors.forEach((SqsMessage<String> message) -> this.seen.add(message.payload())));
		LocalStreamRuntime runtime = new LocalStreamRuntime(new DefaultStreamProcessorRegistry(List.of(processor)),
				List.of(new SqsLocalSource(sqs, new SdkRetryMetrics(new MicrometerRuntimeMetrics(this.registry)))),
				new ShardEngine(new InMemoryCheckpointStore(),
						(definition) -> this.fixture.logged, OPTIONS, new MicrometerRuntimeMetrics(this.registry),
						Clock.systemUTC()));
		this.closeables.add(runtime::stop);
		runtime.start();
		return runtime;
	}

	/** Send messages {@code from} to {@code to - 1}, straight to moto (not through the proxy). */
	private void send(String url, int from, int to) {
		for (int i = from; i < to; i++) {
			String body = "m-" + i;
			this.fixture.sqs.sendMessage((request) -> request.queueUrl(url).messageBody(body));
		}
	}

}
