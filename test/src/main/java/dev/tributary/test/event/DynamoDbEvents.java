package dev.tributary.test.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.StreamRecordFactory;
import dev.tributary.mapping.ImageMappers;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Builds the changes of a DynamoDB table's stream: as the Lambda event Lambda sends
 * ({@link #build()}), or as the {@link StreamRecord StreamRecords} a processor receives
 * ({@link #records(Class)}). Items are Java records, {@code @DynamoDbBean} or
 * {@code @DynamoDbImmutable} objects, mapped to images as Tributary maps them, or
 * {@code Map<String, AttributeValue>} images with {@link #keys(String...)}.
 * <pre class="code">
 * LambdaEvent event = DynamoDbEvents.forTable("Items")
 *     .insert(new Item("one", "first"))
 *     .modify(new Item("one", "first"), new Item("one", "second"))
 *     .remove(new Item("one", "second"))
 *     .build();
 * </pre>
 * Records get sequence numbers 100, 200, ... in the order they are added, event ids
 * {@code event-100}, ..., creation times a second apart from 2026-01-01T00:00:00Z, and the
 * view type {@code NEW_AND_OLD_IMAGES} unless {@link #viewType(StreamViewType)} says otherwise;
 * the event writes what that view type carries.
 *
 * @author Tributary
 */
public final class DynamoDbEvents {

	private static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

	private final String table;

	private final List<Change> changes = new ArrayList<>();

	private StreamViewType viewType = StreamViewType.NEW_AND_OLD_IMAGES;

	private String region = TestResources.REGION;

	private List<String> keyNames = List.of();

	private DynamoDbEvents(String table) {
		this.table = table;
	}

	/**
	 * Start an event of a table's stream.
	 * @param table the table's name
	 * @return the builder
	 */
	public static DynamoDbEvents forTable(String table) {
		Assert.hasText(table, "'table' must not be empty");
		return new DynamoDbEvents(table);
	}

	/**
	 * The stream's view type, {@code NEW_AND_OLD_IMAGES} by default.
	 * @param viewType the view type
	 * @return this builder
	 */
	public DynamoDbEvents viewType(StreamViewType viewType) {
		Assert.notNull(viewType, "'viewType' must not be null");
		this.viewType = viewType;
		return this;
	}

	/**
	 * The table's region, {@code us-east-1} by default.
	 * @param region the region
	 * @return this builder
	 */
	public DynamoDbEvents region(String region) {
		Assert.hasText(region, "'region' must not be empty");
		this.region = region;
		return this;
	}

	/**
	 * The names of the key attributes of {@code Map<String, AttributeValue>} items (other items
	 * declare theirs with {@code @DynamoDbPartitionKey} and {@code @DynamoDbSortKey}).
	 * @param names the partition key's name, then the sort key's
	 * @return this builder
	 */
	public DynamoDbEvents keys(String... names) {
		Assert.isTrue(names.length >= 1 && names.length <= 2, "Name a partition key and at most one sort key");
		this.keyNames = List.of(names);
		return this;
	}

	/**
	 * Add an item written for the first time.
	 * @param item the new item
	 * @return this builder
	 */
	public DynamoDbEvents insert(Object item) {
		Assert.notNull(item, "'item' must not be null");
		return add(OperationType.INSERT, item, null, item, false);
	}

	/**
	 * Add an item written over an earlier version of itself.
	 * @param oldItem the item before the change
	 * @param newItem the item after it
	 * @return this builder
	 */
	public DynamoDbEvents modify(Object oldItem, Object newItem) {
		Assert.notNull(oldItem, "'oldItem' must not be null");
		Assert.notNull(newItem, "'newItem' must not be null");
		return add(OperationType.MODIFY, newItem, oldItem, newItem, false);
	}

	/**
	 * Add an item deleted by a caller.
	 * @param oldItem the item before it was deleted
	 * @return this builder
	 */
	public DynamoDbEvents remove(Object oldItem) {
		Assert.notNull(oldItem, "'oldItem' must not be null");
		return add(OperationType.REMOVE, oldItem, oldItem, null, false);
	}

	/**
	 * Add an item deleted by DynamoDB's time-to-live process (a {@code REMOVE} whose user
	 * identity is the {@code dynamodb.amazonaws.com} service).
	 * @param oldItem the item before it expired
	 * @return this builder
	 */
	public DynamoDbEvents expire(Object oldItem) {
		Assert.notNull(oldItem, "'oldItem' must not be null");
		return add(OperationType.REMOVE, oldItem, oldItem, null, true);
	}

	private DynamoDbEvents add(OperationType operation, Object keyItem, @Nullable Object oldItem,
			@Nullable Object newItem, boolean ttl) {
		Map<String, AttributeValue> keyImage = ItemImages.image(keyItem);
		Map<String, AttributeValue> keys = ItemImages.keys(keyImage, ItemImages.keyNames(keyItem, this.keyNames));
		this.changes.add(new Change(operation, keys, (oldItem != null) ? ItemImages.image(oldItem) : Map.of(),
				(newItem != null) ? ItemImages.image(newItem) : Map.of(), ttl));
		return this;
	}

	/**
	 * The ARN of the table's stream, as the records carry it.
	 * @return the stream's ARN
	 */
	public String eventSourceArn() {
		return "arn:aws:dynamodb:" + this.region + ":" + TestResources.ACCOUNT + ":table/" + this.table
				+ "/stream/2026-01-01T00:00:00.000";
	}

	/**
	 * The records as the AWS SDK models them (what the local runtime reads with
	 * {@code GetRecords}).
	 * @return the records, in order
	 */
	public List<Record> sdkRecords() {
		List<Record> records = new ArrayList<>(this.changes.size());
		for (int i = 0; i < this.changes.size(); i++) {
			records.add(this.changes.get(i).toRecord(i, this.viewType, this.region));
		}
		return records;
	}

	/**
	 * The event Lambda sends for these records, written by Tributary's {@link DynamoDbEventCodec}.
	 * @return the event
	 */
	public LambdaEvent build() {
		DynamoDbEventCodec codec = new DynamoDbEventCodec();
		return LambdaEvent.ofRecords(sdkRecords().stream()
			.map((record) -> codec.toLambdaRecord(record, eventSourceArn()))
			.toList());
	}

	/**
	 * The records a processor of {@code StreamRecord<T>} receives, images mapped as the runtimes
	 * map them.
	 * @param <T> the image type
	 * @param type the image type
	 * @return the records, in order
	 */
	public <T> List<StreamRecord<T>> records(Class<T> type) {
		return records(ResolvableType.forClass(type));
	}

	/**
	 * The records a processor of {@code StreamRecord<T>} receives, for a generic {@code T} such
	 * as {@code Map<String, Object>}.
	 * @param <T> the image type
	 * @param type the image type
	 * @return the records, in order
	 */
	public <T> List<StreamRecord<T>> records(ResolvableType type) {
		Assert.notNull(type, "'type' must not be null");
		StreamRecordFactory<T> factory = new StreamRecordFactory<>(ImageMappers.forType(type), this.viewType,
				type.toString());
		return sdkRecords().stream().map((record) -> factory.create(record, eventSourceArn())).toList();
	}

	private record Change(OperationType operation, Map<String, AttributeValue> keys,
			Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage, boolean ttl) {

		Record toRecord(int index, StreamViewType viewType, String region) {
			String sequenceNumber = TestResources.sequenceNumber(index);
			Map<String, AttributeValue> newImage = viewType.includesNewImage() ? this.newImage : Map.of();
			Map<String, AttributeValue> oldImage = viewType.includesOldImage() ? this.oldImage : Map.of();
			Record.Builder record = Record.builder()
				.eventID("event-" + sequenceNumber)
				.eventName(this.operation)
				.eventVersion("1.1")
				.eventSource("aws:dynamodb")
				.awsRegion(region)
				.dynamodb((change) -> {
					change.approximateCreationDateTime(TestResources.START.plusSeconds(index))
						.keys(this.keys)
						.sequenceNumber(sequenceNumber)
						.sizeBytes(sizeBytes(this.keys, newImage, oldImage))
						.streamViewType(viewType.name());
					if (!newImage.isEmpty()) {
						change.newImage(newImage);
					}
					if (!oldImage.isEmpty()) {
						change.oldImage(oldImage);
					}
				});
			if (this.ttl) {
				record.userIdentity(Identity.builder().type("Service").principalId(TTL_PRINCIPAL).build());
			}
			return record.build();
		}

		// DynamoDB counts the names and values of keys and images; their text is close enough.
		@SafeVarargs
		private static long sizeBytes(Map<String, AttributeValue>... images) {
			long size = 0;
			for (Map<String, AttributeValue> image : images) {
				for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
					size += attribute.getKey().length() + attribute.getValue().toString().length();
				}
			}
			return size;
		}

	}

}
