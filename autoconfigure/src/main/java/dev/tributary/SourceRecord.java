package dev.tributary;

/**
 * What every processor's element has in common, whatever its source: the identifier Lambda
 * expects back in {@code batchItemFailures} and the key that orders it. A DynamoDB stream
 * record, a Kinesis record and, later, a queue message are source records; the helpers in
 * {@link StreamProcessors} work on any of them.
 *
 * @author Tributary
 */
public interface SourceRecord {

	/**
	 * The identifier Lambda expects back when this record fails: the sequence number for a
	 * shard source.
	 * @return the item identifier
	 */
	String itemIdentifier();

	/**
	 * What orders this record among the others of its batch: records with equal keys are
	 * delivered, and must be processed, in order. The item's keys for a DynamoDB stream record,
	 * the partition key for a Kinesis record.
	 * @return the ordering key
	 */
	Object orderingKey();

}
