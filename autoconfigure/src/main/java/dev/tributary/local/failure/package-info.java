/**
 * Where records go when retries run out: an SQS queue, an SNS topic, or an ERROR log line and a
 * counter. The shard engine retries a send (through its CallRetrier) until the destination takes it.
 */
@NullMarked
package dev.tributary.local.failure;

import org.jspecify.annotations.NullMarked;
