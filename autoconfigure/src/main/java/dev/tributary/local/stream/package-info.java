/**
 * What the shard engine asks of a shard source (DynamoDB Streams, Kinesis), in terms that do not
 * name the source: {@link dev.tributary.local.stream.ShardSource} for the calls and
 * {@link dev.tributary.local.stream.ShardRecordType} for the records, with the errors every source
 * translates its own into. Nothing here names a source: the sources' own calls live in their
 * packages, each beside its source.
 */
@NullMarked
package dev.tributary.local.stream;

import org.jspecify.annotations.NullMarked;
