package dev.tributary;

/**
 * How S3 delivers a bucket's event notifications to an {@link S3EventProcessor}.
 *
 * @author Tributary
 */
public enum S3Delivery {

	/**
	 * Through an SQS queue of the processor's own, read like an {@link SqsQueueProcessor}:
	 * batches, failures reported per message, retries from the visibility timeout, a dead-letter
	 * queue. The default.
	 */
	SQS,

	/**
	 * S3 invokes the function asynchronously, one record per invocation: no batching and no
	 * partial response; a failure fails the invocation, which Lambda retries twice.
	 */
	DIRECT

}
