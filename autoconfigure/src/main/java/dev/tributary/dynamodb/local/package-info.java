/**
 * DynamoDB Streams in the local runtime: the shard source, its records for the shard engine, and
 * the {@link dev.tributary.local.runtime.LocalSource} that provisions a processor's table and
 * feeds the processor from its stream.
 */
@NullMarked
package dev.tributary.dynamodb.local;

import org.jspecify.annotations.NullMarked;
