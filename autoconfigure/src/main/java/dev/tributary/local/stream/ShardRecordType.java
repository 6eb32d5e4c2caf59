package dev.tributary.local.stream;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the shard engine needs to know of a shard source's raw records: their position, their
 * age, and the JSON Lambda would show for them (to filter patterns and in failure messages).
 * One instance per source, shared by all its processors.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
public interface ShardRecordType<R> {

	/**
	 * The record's sequence number: its position in the shard, and what a checkpoint stores.
	 * @param record the record
	 * @return the sequence number
	 */
	String sequenceNumber(R record);

	/**
	 * When the record entered the stream, for the maximum record age and the iterator age.
	 * @param record the record
	 * @return the time, or {@code null} when the source does not say
	 */
	@Nullable Instant approximateCreationTime(R record);

	/**
	 * The record as Lambda's event filtering sees it.
	 * @param record the record
	 * @param streamArn the stream it comes from
	 * @return the fields filter patterns are matched against
	 */
	Map<String, Object> toFilterView(R record, String streamArn);

	/**
	 * The record as Lambda's event shows it, for failure destination messages.
	 * @param record the record
	 * @param streamArn the stream it comes from
	 * @return the record's fields, ready to be written as JSON
	 */
	Map<String, Object> toLambdaRecord(R record, String streamArn);

	/**
	 * What the source's failure destination message calls its batch description, as Lambda
	 * names it ({@code DDBStreamBatchInfo}, {@code KinesisBatchInfo}).
	 * @return the name
	 */
	String batchInfoName();

	/**
	 * What the source's processors read, as messages and status name it ({@code table},
	 * {@code stream}).
	 * @return the word
	 */
	String sourceKind();

}
