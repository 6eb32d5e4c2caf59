/**
 * S3 event notifications in the local runtime: the bucket, its notification to the processor's
 * queue, and the queue read with the SQS queue runtime.
 */
@NullMarked
package dev.tributary.s3.local;

import org.jspecify.annotations.NullMarked;
