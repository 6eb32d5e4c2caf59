package dev.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.dynamodb.local.SdkStreamClient;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.emulator.MotoServer;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A moto_server of its own, reset under a running runtime as a restart of the emulator would
 * (every table, stream and checkpoint gone): the runtime says so once at ERROR, is unavailable
 * meanwhile, and reads the table's new stream once the table is back.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class EmulatorRestartIntegrationTests {

	private static final LocalRuntimeOptions OPTIONS = LocalRuntimeFixture.FAST.toBuilder()
		.initialErrorBackoff(Duration.ofMillis(50))
		.maxErrorBackoff(Duration.ofMillis(500))
		.build();

	private final MotoServer moto = MotoServer.start(MotoServer.findExecutable()
		.orElseThrow(() -> new IllegalStateException("This test restarts an emulator of its own: it needs "
				+ "moto_server on the PATH (pip install 'moto[server]')")),
			Duration.ofSeconds(60));

	private final DynamoDbClient dynamoDb = AwsTestClients.configure(DynamoDbClient.builder())
		.endpointOverride(this.moto.endpoint())
		.httpClient(UrlConnectionHttpClient.create())
		.build();

	private final DynamoDbStreamsClient streams = AwsTestClients.configure(DynamoDbStreamsClient.builder())
		.endpointOverride(this.moto.endpoint())
		.httpClient(UrlConnectionHttpClient.create())
		.build();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private LocalStreamRuntime runtime;

	@AfterEach
	void stop() {
		if (this.runtime != null) {
			this.runtime.stop();
		}
		this.dynamoDb.close();
		this.streams.close();
		this.moto.close();
	}

	@Test
	void readsTheTablesNewStreamAfterTheEmulatorLostEverythingAndSaysSoOnce(CapturedOutput output) {
		TableDescriptor table = new TableDescriptor("Restarted", "Restarted",
				new dev.tributary.KeyAttribute("id", dev.tributary.KeyAttribute.ScalarType.S), null);
		TableProvisioner provisioner = new TableProvisioner(this.dynamoDb);
		provisioner.provision(table, StreamViewType.KEYS_ONLY);
		List<String> seen = LocalRuntimeFixture.synchronizedList();
		this.runtime = new LocalStreamRuntime(
				new DefaultStreamProcessorRegistry(List.of(LocalRuntimeFixture.processor("restarted", table,
						new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON), ProcessorOptions.defaults(),
						StreamProcessors.forEach((record) -> seen.add(LocalRuntimeFixture.id(record)))))),
				List.of(new DynamoDbLocalSource(provisioner, new SdkStreamClient(this.streams))),
				new ShardEngine(new DynamoDbCheckpointStore(this.dynamoDb, "checkpoints"),
						(processor) -> new dev.tributary.local.failure.LoggingFailureDestination(), OPTIONS,
						new MicrometerRuntimeMetrics(this.registry), Clock.systemUTC()));
		this.runtime.start();
		TributaryHealthIndicator health = new TributaryHealthIndicator(this.runtime);
		put(table, "before");
		await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("before"));

		this.moto.reset();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.toString().contains("Processor 'restarted' cannot read: stream ")
					&& health.health().getStatus().equals(Status.DOWN));
		assertThat(output).contains("The AWS emulator was probably restarted");

		// What restarting the application (or the user) does: the table is created again.
		provisioner.provision(table, StreamViewType.KEYS_ONLY);
		put(table, "after");
		await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("after"));
		await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
		assertThat(seen).containsExactly("before", "after");
		String log = output.getOut() + output.getErr();
		assertThat(log.split(" ERROR ", -1)).as("ERROR lines").hasSize(2);
		assertThat(log).contains("found stream").doesNotContain("\tat ");
		assertThat(this.registry.find("tributary.aws.errors").tag("error", "ResourceNotFoundException").counters())
			.isNotEmpty();
	}

	private void put(TableDescriptor table, String id) {
		this.dynamoDb.putItem((request) -> request.tableName(table.name()).item(java.util.Map.of("id",
				AttributeValue.fromS(id))));
	}

}
