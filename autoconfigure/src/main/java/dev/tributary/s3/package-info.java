/**
 * S3 event notifications as a source: the event codec and the batch core's source types, for
 * notifications through a queue and for direct invocation.
 */
@NullMarked
package dev.tributary.s3;

import org.jspecify.annotations.NullMarked;
