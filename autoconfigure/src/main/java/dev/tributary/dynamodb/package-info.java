/**
 * DynamoDB Streams as a source: its descriptor for the batch core, the factory of the
 * processor's {@code StreamRecord}s, and the Lambda event codec.
 */
@NullMarked
package dev.tributary.dynamodb;

import org.jspecify.annotations.NullMarked;
