package dev.tributary.s3;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tributary.RecordProcessingException;
import dev.tributary.S3EventRecord;
import dev.tributary.S3Objects;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link S3Objects} reading what an event points at from moto_server: as a stream, as text up to
 * a limit, mapped from JSON; a missing, too large or unmappable object fails as that record,
 * without quoting its content.
 */
@ExtendWith(MotoServerExtension.class)
class S3ObjectsIntegrationTests {

	private final S3Client s3 = AwsTestClients.s3();

	private final S3Objects objects = new S3Objects(() -> this.s3, JsonMapper.builder().build());

	private final String bucket = MotoServerExtension.uniqueName("objects").toLowerCase();

	@BeforeEach
	void createBucket() {
		this.s3.createBucket((request) -> request.bucket(this.bucket));
	}

	@AfterEach
	void closeClient() {
		this.s3.close();
	}

	@Test
	void readsAnObjectAsAStreamAsTextAndMappedFromJson() throws Exception {
		put("orders/o-1.json", "{\"id\":\"o-1\",\"total\":42}");
		S3EventRecord record = record("orders/o-1.json");
		try (InputStream content = this.objects.open(record)) {
			assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"id\"");
		}
		assertThat(this.objects.readString(record, 1024)).isEqualTo("{\"id\":\"o-1\",\"total\":42}");
		assertThat(this.objects.read(record, Order.class)).isEqualTo(new Order("o-1", 42));
	}

	@Test
	void anObjectLargerThanAskedForFailsAsItsRecord() {
		put("big.txt", "x".repeat(100));
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> this.objects.readString(record("big.txt"), 10));
		assertThat(failure.getItemIdentifier()).isEqualTo("m-1");
		assertThat(failure.getCause()).hasMessageContaining("larger than the 10 bytes asked for");
	}

	@Test
	void anObjectThatIsGoneFailsAsItsRecord() {
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> this.objects.readString(record("deleted-since.txt"), 10));
		assertThat(failure.getItemIdentifier()).isEqualTo("m-1");
	}

	@Test
	void anObjectThatIsNotTheTypeFailsAsItsRecordWithoutQuotingIt() {
		put("orders/bad.json", "{\"id\":\"secret-value\",\"total\":\"many\"}");
		RecordProcessingException failure = catchThrowableOfType(RecordProcessingException.class,
				() -> this.objects.read(record("orders/bad.json"), Order.class));
		assertThat(failure.getCause()).hasMessageContaining("cannot be mapped to " + Order.class.getName())
			.hasMessageContaining("total")
			.hasMessageNotContaining("secret-value")
			.hasMessageNotContaining("many");
	}

	private void put(String key, String content) {
		this.s3.putObject((request) -> request.bucket(this.bucket).key(key), RequestBody.fromString(content));
	}

	private S3EventRecord record(String key) {
		return new S3EventRecord("m-1", "ObjectCreated:Put", Instant.parse("2026-12-02T10:00:00Z"), this.bucket, key, 1,
				null, null, null, null, "us-east-1");
	}

	record Order(String id, int total) {
	}

}
