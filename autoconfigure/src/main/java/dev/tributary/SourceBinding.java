package dev.tributary;

/**
 * What a processor reads, and how: the source resource (a table's stream today; a Kinesis
 * stream, a queue or a bucket as sources are added) with the settings only that kind of source
 * has. Settings every source shares live in {@link ProcessorOptions}.
 * <p>
 * Sealed so that code handling sources (the local runtime, deploy) can switch over every kind
 * and the compiler names the places a new source must be handled.
 *
 * @author Tributary
 */
public sealed interface SourceBinding permits DynamoDbStreamBinding, KinesisStreamBinding, SqsQueueBinding,
		S3EventBinding {

	/**
	 * A short description for logs and error messages, such as {@code table 'Items'}.
	 * @return the description
	 */
	String describe();

}
