package dev.tributary.test.event;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.S3EventRecord;
import dev.tributary.s3.S3EventCodec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Builds S3 event notifications of a bucket: as the event S3 sends a function directly
 * ({@link #build()}), as the SQS event Lambda sends when notifications go through a queue
 * ({@link #viaQueue(String)}, S3's test event included when asked), or as the
 * {@link S3EventRecord S3EventRecords} a processor receives ({@link #records()}).
 * <pre class="code">
 * LambdaEvent event = S3Events.forBucket("files-dev")
 *     .testEvent()
 *     .created("my notes é.txt", 5)
 *     .removed("old/report.csv")
 *     .viaQueue("files-dev-logObjects");
 * </pre>
 * Keys are URL-encoded in the JSON as S3 sends them (a space as {@code +}); event times are a
 * second apart from 2026-01-01T00:00:00Z and sequencers grow in the order records are added.
 *
 * @author Tributary
 */
public final class S3Events {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Instant FIRST_TIME = Instant.parse("2026-01-01T00:00:00Z");

	private final String bucket;

	private final List<Map<String, Object>> notifications = new ArrayList<>();

	private String region = TestResources.REGION;

	private S3Events(String bucket) {
		this.bucket = bucket;
	}

	/**
	 * Start the notifications of a bucket.
	 * @param bucket the bucket's name
	 * @return the builder
	 */
	public static S3Events forBucket(String bucket) {
		Assert.hasText(bucket, "'bucket' must not be empty");
		return new S3Events(bucket);
	}

	/**
	 * The bucket's region, {@code us-east-1} by default.
	 * @param region the region
	 * @return this builder
	 */
	public S3Events region(String region) {
		Assert.hasText(region, "'region' must not be empty");
		this.region = region;
		return this;
	}

	/**
	 * Add an {@code ObjectCreated:Put} record.
	 * @param key the object's key, as stored (it is URL-encoded in the event)
	 * @param size the object's size
	 * @return this builder
	 */
	public S3Events created(String key, long size) {
		return record("ObjectCreated:Put", key, size);
	}

	/**
	 * Add an {@code ObjectRemoved:Delete} record.
	 * @param key the object's key, as stored
	 * @return this builder
	 */
	public S3Events removed(String key) {
		return record("ObjectRemoved:Delete", key, 0);
	}

	/**
	 * Add a record of any event.
	 * @param eventName the event, without the {@code s3:} prefix, such as
	 * {@code ObjectCreated:Copy}
	 * @param key the object's key, as stored
	 * @param size the object's size
	 * @return this builder
	 */
	public S3Events record(String eventName, String key, long size) {
		Assert.hasText(eventName, "'eventName' must not be empty");
		Assert.notNull(key, "'key' must not be null");
		int index = this.notifications.size();
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
		object.put("size", size);
		if (size > 0) {
			object.put("eTag", "0123456789abcdef0123456789abcdef");
		}
		object.put("sequencer", String.format("%018X", 0x0055AED6DCD90281L + index));
		Map<String, Object> s3 = new LinkedHashMap<>();
		s3.put("s3SchemaVersion", "1.0");
		s3.put("configurationId", "tributary");
		s3.put("bucket", Map.of("name", this.bucket, "arn", "arn:aws:s3:::" + this.bucket));
		s3.put("object", object);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("eventVersion", "2.1");
		record.put("eventSource", "aws:s3");
		record.put("awsRegion", this.region);
		record.put("eventTime", FIRST_TIME.plusSeconds(index).toString());
		record.put("eventName", eventName);
		record.put("userIdentity", Map.of("principalId", "AWS:AIDAEXAMPLE"));
		record.put("s3", s3);
		this.notifications.add(Map.of("Records", List.of(record)));
		return this;
	}

	/**
	 * Add S3's test event, which it sends to a queue when a notification to it is configured
	 * (only in {@link #viaQueue(String)}).
	 * @return this builder
	 */
	public S3Events testEvent() {
		Map<String, Object> test = new LinkedHashMap<>();
		test.put("Service", "Amazon S3");
		test.put("Event", "s3:TestEvent");
		test.put("Time", FIRST_TIME.toString());
		test.put("Bucket", this.bucket);
		test.put("RequestId", "TEST");
		test.put("HostId", "TEST");
		this.notifications.add(test);
		return this;
	}

	/**
	 * The event S3 sends a function it invokes directly, with every record.
	 * @return the event
	 * @throws IllegalStateException if a test event was added: S3 sends those to queues only
	 */
	public LambdaEvent build() {
		return LambdaEvent.of(json.writeValueAsBytes(Map.of("Records", directRecords())));
	}

	/**
	 * The SQS event Lambda sends when the notifications go through a queue: one message per
	 * notification, ids {@code message-1}, {@code message-2}, ...
	 * @param queue the queue's name
	 * @return the event
	 */
	public LambdaEvent viaQueue(String queue) {
		SqsEvents messages = SqsEvents.forQueue(queue).region(this.region);
		this.notifications.forEach((notification) -> messages.message(json.writeValueAsString(notification)));
		return messages.build();
	}

	/**
	 * The records a processor receives when S3 invokes it directly (identified by bucket, key and
	 * sequencer), read by Tributary's own codec.
	 * @return the records, in order
	 */
	public List<S3EventRecord> records() {
		return new S3EventCodec().readEvent(build().bytes());
	}

	@SuppressWarnings("unchecked")
	private List<Object> directRecords() {
		List<Object> records = new ArrayList<>();
		for (Map<String, Object> notification : this.notifications) {
			Assert.state(notification.containsKey("Records"),
					"S3 sends its test event to queues only: use viaQueue(queue), or leave testEvent() out");
			records.addAll((List<Object>) notification.get("Records"));
		}
		return records;
	}

}
