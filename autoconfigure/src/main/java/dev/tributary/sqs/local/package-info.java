/**
 * SQS queues in the local runtime: the queue engine (long polling, batching, deletion of what was
 * processed, the visibility timeout and dead-letter queue for what was not) and the queues'
 * provisioning in the emulator.
 */
@NullMarked
package dev.tributary.sqs.local;

import org.jspecify.annotations.NullMarked;
