package dev.tributary.test.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.KinesisRecord;
import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.kinesis.KinesisRecordFactory;
import dev.tributary.kinesis.PayloadMappers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Builds the records of a Kinesis data stream: as the Lambda event Lambda sends
 * ({@link #build()}), or as the {@link KinesisRecord KinesisRecords} a processor receives
 * ({@link #records(Class)}), payloads mapped as the runtimes map them.
 * <pre class="code">
 * LambdaEvent event = KinesisEvents.forStream("Events")
 *     .record("k1", "hello")
 *     .json("k2", new Click("k2", "/home"))
 *     .build();
 * </pre>
 * Records get sequence numbers 100, 200, ... in the order they are added, shard
 * {@code shardId-000000000000}, and arrival times a second apart from 2026-01-01T00:00:00Z.
 *
 * @author Tributary
 */
public final class KinesisEvents {

	private static final String SHARD_ID = "shardId-000000000000";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String stream;

	private final List<Data> records = new ArrayList<>();

	private String region = TestResources.REGION;

	private KinesisEvents(String stream) {
		this.stream = stream;
	}

	/**
	 * Start an event of a stream.
	 * @param stream the stream's name
	 * @return the builder
	 */
	public static KinesisEvents forStream(String stream) {
		Assert.hasText(stream, "'stream' must not be empty");
		return new KinesisEvents(stream);
	}

	/**
	 * The stream's region, {@code us-east-1} by default.
	 * @param region the region
	 * @return this builder
	 */
	public KinesisEvents region(String region) {
		Assert.hasText(region, "'region' must not be empty");
		this.region = region;
		return this;
	}

	/**
	 * Add a record whose payload is text, as UTF-8.
	 * @param partitionKey the partition key
	 * @param data the payload
	 * @return this builder
	 */
	public KinesisEvents record(String partitionKey, String data) {
		Assert.notNull(data, "'data' must not be null");
		return record(partitionKey, data.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Add a record with a payload of bytes.
	 * @param partitionKey the partition key
	 * @param data the payload
	 * @return this builder
	 */
	public KinesisEvents record(String partitionKey, byte[] data) {
		Assert.hasText(partitionKey, "'partitionKey' must not be empty");
		Assert.notNull(data, "'data' must not be null");
		this.records.add(new Data(partitionKey, data.clone()));
		return this;
	}

	/**
	 * Add a record whose payload is an object written as JSON.
	 * @param partitionKey the partition key
	 * @param payload the object
	 * @return this builder
	 */
	public KinesisEvents json(String partitionKey, Object payload) {
		Assert.notNull(payload, "'payload' must not be null");
		return record(partitionKey, json.writeValueAsBytes(payload));
	}

	/**
	 * The ARN of the stream, as the records carry it.
	 * @return the stream's ARN
	 */
	public String eventSourceArn() {
		return "arn:aws:kinesis:" + this.region + ":" + TestResources.ACCOUNT + ":stream/" + this.stream;
	}

	/**
	 * The records as a source delivers them, before their payload is mapped.
	 * @return the records, in order
	 */
	public List<KinesisDataRecord> dataRecords() {
		List<KinesisDataRecord> result = new ArrayList<>(this.records.size());
		for (int i = 0; i < this.records.size(); i++) {
			Data data = this.records.get(i);
			result.add(new KinesisDataRecord(TestResources.sequenceNumber(i), 0, data.partitionKey(), null,
					TestResources.START.plusSeconds(i), data.bytes(), SHARD_ID, eventSourceArn()));
		}
		return result;
	}

	/**
	 * The event Lambda sends for these records, written by Tributary's {@link KinesisEventCodec}.
	 * @return the event
	 */
	public LambdaEvent build() {
		KinesisEventCodec codec = new KinesisEventCodec();
		return LambdaEvent.ofRecords(dataRecords().stream().map((record) -> codec.toLambdaRecord(record, this.region))
			.toList());
	}

	/**
	 * The records a processor of {@code KinesisRecord<T>} receives.
	 * @param <T> the payload type
	 * @param type the payload type
	 * @return the records, in order
	 */
	public <T> List<KinesisRecord<T>> records(Class<T> type) {
		return records(ResolvableType.forClass(type));
	}

	/**
	 * The records a processor of {@code KinesisRecord<T>} receives, for a generic {@code T}.
	 * @param <T> the payload type
	 * @param type the payload type
	 * @return the records, in order
	 */
	public <T> List<KinesisRecord<T>> records(ResolvableType type) {
		Assert.notNull(type, "'type' must not be null");
		KinesisRecordFactory<T> factory = new KinesisRecordFactory<>(PayloadMappers.forType(type), type.toString());
		return dataRecords().stream().map(factory::create).toList();
	}

	private record Data(String partitionKey, byte[] bytes) {

	}

}
