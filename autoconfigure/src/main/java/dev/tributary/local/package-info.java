/**
 * The local runtime: outside Lambda, reads each processor's DynamoDB stream and feeds it batches
 * with the semantics of Lambda's event source mapping.
 */
@NullMarked
package dev.tributary.local;

import org.jspecify.annotations.NullMarked;
