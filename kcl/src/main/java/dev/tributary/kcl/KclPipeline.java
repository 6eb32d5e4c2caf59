package dev.tributary.kcl;

import java.time.Clock;

import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.shard.ShardBatches;
import dev.tributary.local.shard.StopSignal;

/**
 * What every shard record processor of one processor shares: how its records are read and its
 * batches run, where its shards' status goes, and the processor's stop signal.
 *
 * @param <R> the source's raw record type
 * @param processor the processor's name
 * @param sourceName what it reads (a table, a Kinesis stream), for meters
 * @param streamArn the stream's ARN
 * @param reader turns KCL's records into the source's
 * @param batches runs each batch
 * @param shards the shards this worker holds
 * @param stop stops (or abandons) every shard of the processor
 * @param options the engine's backoff settings, for the shards' calls
 * @param metrics where meters go
 * @param clock the clock
 * @author Tributary
 */
record KclPipeline<R>(String processor, String sourceName, String streamArn, KclRecordReader<R> reader,
		ShardBatches<R> batches, KclShards shards, StopSignal stop, LocalRuntimeOptions options,
		RuntimeMetrics metrics, Clock clock) {

}
