/**
 * The local runtime's lifecycle: provisions the processors' tables and starts a
 * {@link dev.tributary.local.shard.ProcessorRuntime} per processor. It sits above the shard
 * engine, which depends only on the settings, metrics and status types of
 * {@code dev.tributary.local}, so dependencies between the packages go one way.
 */
@NullMarked
package dev.tributary.local.runtime;

import org.jspecify.annotations.NullMarked;
