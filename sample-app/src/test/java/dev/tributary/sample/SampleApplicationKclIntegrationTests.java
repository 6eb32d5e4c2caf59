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
 * The walkthrough on the KCL runtime ({@code tributary.runtime=kcl}), against moto_server: the
 * same writes produce the same log lines as on the local runtime, the queue processor still runs
 * on the local queue engine, and the actuator endpoint shows the KCL processors.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationKclIntegrationTests {

	/**
	 * A new KCL application waits 20 to 30 s for another worker to create its leases; its first
	 * lease took up to 115 s for the Kinesis processor on a loaded 2-core machine.
	 */
	private static final Duration WAIT = Duration.ofSeconds(240);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void emulator(DynamicPropertyRegistry registry) {
		SampleApplicationIntegrationTests.emulator(registry);
		registry.add("tributary.runtime", () -> "kcl");
		registry.add("tributary.kcl.app-name", () -> MotoServerExtension.uniqueName("sample"));
		registry.add("tributary.kcl.failover-time", () -> "3s");
	}

	@Test
	void theWalkthroughsWritesProduceItsLogLinesOnKcl(CapturedOutput output) throws Exception {
		put("one", "first");
		put("two", "second");
		put("one", "updated");
		HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(uri("/items/two")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(deleted.statusCode()).isEqualTo(204);
		send(HttpRequest.newBuilder(uri("/events/k1")).POST(HttpRequest.BodyPublishers.ofString("hello")));
		await().atMost(WAIT).until(() -> output.getOut().contains("REMOVE: two -> (deleted)"));
		List<String> lines = Arrays.stream(output.getOut().split("\\R"))
			.filter((line) -> line.matches(".*(INSERT|MODIFY|REMOVE): .*"))
			.map((line) -> line.substring(line.indexOf(": ", line.indexOf("ItemsStreamConfiguration")) + 2))
			.toList();
		assertThat(lines).containsExactly("INSERT: one -> first", "INSERT: two -> second", "MODIFY: one -> updated",
				"REMOVE: two -> (deleted)");
		await().atMost(WAIT).until(() -> SampleApplicationIntegrationTests.queued(output).size() >= 4);
		assertThat(SampleApplicationIntegrationTests.queued(output)).containsExactlyInAnyOrder("QUEUED: INSERT one -> first",
				"QUEUED: INSERT two -> second", "QUEUED: MODIFY one -> updated", "QUEUED: REMOVE two -> (deleted)");
		await().atMost(WAIT).until(() -> output.getOut().contains("EVENT: k1 -> hello"));
		JsonNode processor = json.readTree(get("/actuator/tributary")).get("logItems");
		assertThat(processor.get("running").asBoolean()).isTrue();
		JsonNode shard = processor.get("shards").get(0);
		assertThat(shard.get("state").asString()).isEqualTo("READING");
		assertThat(shard.get("recordsProcessed").asLong()).isEqualTo(4);
		assertThat(output.getOut()).contains("Processor 'logItems' reads", "on KCL (application '");
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private void put(String id, String content) throws Exception {
		send(HttpRequest.newBuilder(uri("/items/" + id)).PUT(HttpRequest.BodyPublishers.ofString(content)));
	}

	private static void send(HttpRequest.Builder request) throws Exception {
		// What curl --data sends: a form content type with the raw text as the body.
		HttpResponse<String> response = http.send(
				request.header("Content-Type", "application/x-www-form-urlencoded").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(300);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
