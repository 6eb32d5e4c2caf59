/**
 * SQS as a source: the raw message, Lambda's SQS event codec, the message factory that maps
 * bodies, and the source type the batch core runs messages with.
 */
@NullMarked
package dev.tributary.sqs;

import org.jspecify.annotations.NullMarked;
