package dev.tributary.kinesis;

import dev.tributary.KinesisRecord;
import dev.tributary.batch.PayloadMappingException;

import org.springframework.util.Assert;

/**
 * Builds a processor's {@link KinesisRecord KinesisRecords} from raw records, mapping each
 * payload with the processor's {@link PayloadMapper}. A payload that does not fit fails that
 * record only, with a {@link PayloadMappingException} that says where in the payload and why,
 * without its content.
 *
 * @param <T> the payload type
 * @author Tributary
 */
public final class KinesisRecordFactory<T> {

	private final PayloadMapper<T> mapper;

	private final String typeName;

	/**
	 * Create a factory.
	 * @param mapper maps payloads to {@code T}
	 * @param typeName the name of {@code T}, for error messages
	 */
	public KinesisRecordFactory(PayloadMapper<T> mapper, String typeName) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.hasText(typeName, "'typeName' must not be empty");
		this.mapper = mapper;
		this.typeName = typeName;
	}

	/**
	 * Convert one record.
	 * @param record the raw record
	 * @return the typed record
	 * @throws PayloadMappingException if the payload cannot be mapped
	 */
	public KinesisRecord<T> create(KinesisDataRecord record) {
		T payload;
		try {
			payload = this.mapper.map(record.data());
		}
		catch (RuntimeException ex) {
			throw new PayloadMappingException(record.sequenceNumber(), "Record " + record.sequenceNumber()
					+ ((record.subSequenceNumber() != 0) ? "/" + record.subSequenceNumber() : "") + " of shard "
					+ record.shardId() + ": its payload of " + record.data().length + " bytes cannot be mapped to "
					+ this.typeName + ": " + PayloadMappers.describeFailure(ex), ex);
		}
		if (payload == null) {
			throw new PayloadMappingException(record.sequenceNumber(), "Record " + record.sequenceNumber()
					+ " of shard " + record.shardId() + ": its payload maps to null (JSON 'null'), not to "
					+ this.typeName, new IllegalArgumentException("null payload"));
		}
		return KinesisRecord.<T>builder()
			.payload(payload, record.data())
			.partitionKey(record.partitionKey())
			.explicitHashKey(record.explicitHashKey())
			.sequenceNumber(record.sequenceNumber(), record.subSequenceNumber())
			.approximateArrivalTime(record.approximateArrivalTimestamp())
			.shardId(record.shardId())
			.eventSourceArn(record.eventSourceArn())
			.build();
	}

}
