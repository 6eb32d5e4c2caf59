/**
 * The KCL runtime: DynamoDB Streams and Kinesis processors on the Kinesis Client Library 3,
 * shards shared by every host of an application, each batch run by the shard engine's
 * {@link dev.tributary.local.shard.ShardBatches}.
 */
@NullMarked
package dev.tributary.kcl;

import org.jspecify.annotations.NullMarked;
