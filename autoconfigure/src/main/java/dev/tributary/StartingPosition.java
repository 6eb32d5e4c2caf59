package dev.tributary;

/**
 * Where a processor starts reading a stream the first time it runs. Afterwards it resumes from
 * its checkpoint.
 *
 * @author Tributary
 */
public enum StartingPosition {

	/** Only records written after the processor started; history is ignored. */
	LATEST,

	/** Every record still in the stream's retention window (24 hours for DynamoDB). */
	TRIM_HORIZON,

	/**
	 * Records from a point in time. Valid for Kinesis streams only: DynamoDB streams reject it,
	 * and so does Tributary's validation for DynamoDB processors.
	 */
	AT_TIMESTAMP

}
