/**
 * Where each processor has got to in each shard: in DynamoDB, so positions survive restarts, or in memory for tests.
 */
@NullMarked
package dev.tributary.local.checkpoint;

import org.jspecify.annotations.NullMarked;
