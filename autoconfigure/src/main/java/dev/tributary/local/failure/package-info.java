/**
 * Where records go when retries run out: an SQS queue, or an ERROR log line and a counter.
 */
@NullMarked
package dev.tributary.local.failure;

import org.jspecify.annotations.NullMarked;
