package dev.tributary.dynamodb;

import java.util.Map;

import dev.tributary.EventName;
import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.batch.RecordMappingException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * Builds a processor's {@link StreamRecord StreamRecords} from the AWS SDK's stream records.
 * <p>
 * The processor's view type decides which images it sees: when two processors share a stream
 * with {@code NEW_AND_OLD_IMAGES}, one that asked for {@code KEYS_ONLY} gets keys only.
 *
 * @param <T> the image type
 * @author Tributary
 */
public final class StreamRecordFactory<T> {

	static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

	private final ImageMapper<T> mapper;

	private final StreamViewType viewType;

	private final String typeName;

	/**
	 * Create a factory.
	 * @param mapper maps images to {@code T}
	 * @param viewType the view type the processor asked for
	 */
	public StreamRecordFactory(ImageMapper<T> mapper, StreamViewType viewType) {
		this(mapper, viewType, "the processor's record type");
	}

	/**
	 * Create a factory.
	 * @param mapper maps images to {@code T}
	 * @param viewType the view type the processor asked for
	 * @param typeName the name of {@code T}, for error messages
	 */
	public StreamRecordFactory(ImageMapper<T> mapper, StreamViewType viewType, String typeName) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.notNull(viewType, "'viewType' must not be null");
		Assert.hasText(typeName, "'typeName' must not be empty");
		this.mapper = mapper;
		this.viewType = viewType;
		this.typeName = typeName;
	}

	/**
	 * Convert one record.
	 * @param record the SDK record
	 * @param eventSourceArn the ARN of the stream it came from
	 * @return the typed record
	 * @throws RecordMappingException if an image cannot be mapped
	 */
	public StreamRecord<T> create(Record record, @Nullable String eventSourceArn) {
		software.amazon.awssdk.services.dynamodb.model.StreamRecord change = record.dynamodb();
		String sequenceNumber = change.sequenceNumber();
		Map<String, AttributeValue> newAttributes = this.viewType.includesNewImage() ? change.newImage() : Map.of();
		Map<String, AttributeValue> oldAttributes = this.viewType.includesOldImage() ? change.oldImage() : Map.of();
		return StreamRecord.<T>builder()
			.eventId(record.eventID())
			.eventName(EventName.valueOf(record.eventNameAsString()))
			.keys(change.keys())
			.newImage(map(newAttributes, record, "NewImage"), newAttributes)
			.oldImage(map(oldAttributes, record, "OldImage"), oldAttributes)
			.sequenceNumber(sequenceNumber)
			.approximateCreationTime(change.approximateCreationDateTime())
			.sizeBytes((change.sizeBytes() != null) ? change.sizeBytes() : 0L)
			.streamViewType(this.viewType)
			.eventSourceArn(eventSourceArn)
			.awsRegion(record.awsRegion())
			.ttlExpiry(isTtlExpiry(record.userIdentity()))
			.build();
	}

	private @Nullable T map(Map<String, AttributeValue> image, Record record, String which) {
		if (image.isEmpty()) {
			return null;
		}
		try {
			return this.mapper.map(image);
		}
		catch (ImageMappingException ex) {
			throw new RecordMappingException(record.dynamodb().sequenceNumber(), record.eventID(), which, ex);
		}
		catch (RuntimeException ex) {
			throw new RecordMappingException(record.dynamodb().sequenceNumber(), record.eventID(), which,
					new ImageMappingException("*", this.typeName, ex.getClass().getName(), ex));
		}
	}

	private static boolean isTtlExpiry(@Nullable Identity identity) {
		return identity != null && TTL_PRINCIPAL.equals(identity.principalId()) && "Service".equals(identity.type());
	}

}
