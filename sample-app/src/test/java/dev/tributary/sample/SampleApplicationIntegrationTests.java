package dev.tributary.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walkthrough through the HTTP API, against moto_server: three writes produce exactly
 * its three log lines, and a posted event is logged by the Kinesis processor.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void emulator(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.endpoint", () -> MotoServerExtension.endpoint().toString());
		registry.add("spring.cloud.aws.credentials.access-key", () -> "test");
		registry.add("spring.cloud.aws.credentials.secret-key", () -> "test");
		registry.add("tributary.tables.Items.name", () -> MotoServerExtension.uniqueName("Items"));
		registry.add("tributary.streams.Events.name", () -> MotoServerExtension.uniqueName("Events"));
		registry.add("tributary.queues.ItemChanges.name", () -> MotoServerExtension.uniqueName("ItemChanges"));
		registry.add("tributary.buckets.Files.name", () -> MotoServerExtension.uniqueName("files").toLowerCase());
		registry.add("tributary.local.checkpoints.store", () -> "memory");
		registry.add("tributary.local.poll-interval", () -> "50ms");
		registry.add("tributary.local.max-idle-poll-interval", () -> "200ms");
	}

	@Test
	void theSeedsThreeWritesProduceTheSeedsThreeLogLines(CapturedOutput output) throws Exception {
		put("one", "first");
		put("two", "second");
		put("one", "updated");
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("MODIFY: one -> updated"));
		List<String> lines = Arrays.stream(output.getOut().split("\\R"))
			.filter((line) -> line.matches(".*(INSERT|MODIFY|REMOVE): .*"))
			.map((line) -> line.substring(line.indexOf(": ", line.indexOf("ItemsStreamConfiguration")) + 2))
			.toList();
		assertThat(lines).containsExactly("INSERT: one -> first", "INSERT: two -> second", "MODIFY: one -> updated");
		// logItems forwards each change to the ItemChanges queue, whose processor logs it again. A
		// standard queue does not keep order.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> queued(output).size() >= 3);
		assertThat(queued(output)).containsExactlyInAnyOrder("QUEUED: INSERT one -> first",
				"QUEUED: INSERT two -> second", "QUEUED: MODIFY one -> updated");
		HttpResponse<String> item = http.send(HttpRequest.newBuilder(uri("one")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(item.statusCode()).isEqualTo(200);
		assertThat(item.body()).contains("\"content\":\"updated\"");
		assertThat(http.send(HttpRequest.newBuilder(uri("three")).GET().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);
	}

	static List<String> queued(CapturedOutput output) {
		return Arrays.stream(output.getOut().split("\\R"))
			.filter((line) -> line.contains("QUEUED: "))
			.map((line) -> line.substring(line.indexOf("QUEUED: ")))
			.toList();
	}

	@Test
	void aStoredFileIsLoggedByTheBucketsProcessor(CapturedOutput output) throws Exception {
		HttpResponse<Void> stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/files/notes.txt")).PUT(HttpRequest.BodyPublishers.ofString("hello")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(stored.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("OBJECT: "));
		assertThat(Arrays.stream(output.getOut().split("\\R")).filter((line) -> line.contains("OBJECT: ")))
			.singleElement()
			.satisfies((line) -> assertThat(line).endsWith("OBJECT: ObjectCreated:Put notes.txt (5 bytes)"));
	}

	@Test
	void aDeleteIsLoggedAsARemove(CapturedOutput output) throws Exception {
		put("five", "fifth");
		HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(uri("five")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(deleted.statusCode()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("REMOVE: five -> (deleted)"));
		await().atMost(Duration.ofSeconds(10)).until(() -> queued(output).contains("QUEUED: REMOVE five -> (deleted)"));
		assertThat(http.send(HttpRequest.newBuilder(uri("five")).GET().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aPostedEventIsLoggedByTheKinesisProcessor(CapturedOutput output) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/events/k1"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("hello"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(300);
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("EVENT: k1 -> "));
		assertThat(Arrays.stream(output.getOut().split("\\R")).filter((line) -> line.contains("EVENT: ")))
			.singleElement()
			.satisfies((line) -> assertThat(line).endsWith("EVENT: k1 -> hello"));
		JsonNode processor = json.readTree(get("/actuator/tributary")).get("logEvents");
		assertThat(processor.get("running").asBoolean()).isTrue();
		assertThat(processor.get("streamArn").asString()).startsWith("arn:aws:kinesis:");
	}

	@Test
	void healthShowsTheTributaryIndicator() throws Exception {
		JsonNode tributary = json.readTree(get("/actuator/health")).get("components").get("tributary");
		assertThat(tributary.get("status").asString()).isEqualTo("UP");
		assertThat(tributary.get("details").get("logItems")).isNotNull();
	}

	@Test
	void actuatorShowsTheProcessorItsShardAndItsMeters() throws Exception {
		put("four", "fourth");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode records = json.readTree(get("/actuator/metrics/tributary.records?tag=processor:logItems"));
			assertThat(records.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
		});
		JsonNode processor = json.readTree(get("/actuator/tributary")).get("logItems");
		assertThat(processor.get("running").asBoolean()).isTrue();
		assertThat(processor.get("streamArn").asString()).contains("stream");
		JsonNode shard = processor.get("shards").get(0);
		assertThat(shard.get("state").asString()).isEqualTo("READING");
		assertThat(shard.get("checkpoint").asString()).isNotEmpty();
		assertThat(shard.get("recordsProcessed").asLong()).isGreaterThanOrEqualTo(1);
		JsonNode meters = json.readTree(get("/actuator/metrics"));
		assertThat(meters.get("names").valueStream().map(JsonNode::asString)).contains("tributary.records",
				"tributary.batches", "tributary.batch.duration", "tributary.iterator.age");
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private void put(String id, String content) throws Exception {
		// What curl --data sends: a form content type with the raw text as the body.
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(id))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.PUT(HttpRequest.BodyPublishers.ofString(content))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private URI uri(String id) {
		return URI.create("http://localhost:" + this.port + "/items/" + id);
	}

}
