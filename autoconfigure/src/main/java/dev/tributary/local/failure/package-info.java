/**
 * Where records go when retries run out: an SQS queue, an SNS topic, or an ERROR log line and a
 * counter; and the delivery that retries a destination until it takes them.
 */
@NullMarked
package dev.tributary.local.failure;

import org.jspecify.annotations.NullMarked;
