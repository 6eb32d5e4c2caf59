/**
 * Reading one shard with the semantics of Lambda's event source mapping: batching, retries, bisection, checkpoints and shard lineage.
 */
@NullMarked
package dev.tributary.local.shard;

import org.jspecify.annotations.NullMarked;
