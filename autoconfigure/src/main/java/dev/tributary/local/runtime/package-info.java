/**
 * The local runtime's lifecycle: asks each {@link dev.tributary.local.runtime.LocalSource} to
 * provision what its processors read and to make a
 * {@link dev.tributary.local.shard.ProcessorRuntime} per processor, then starts and stops them. It
 * sits above the shard engine, which depends only on the settings, metrics and status types of
 * {@code dev.tributary.local}, so dependencies between the packages go one way.
 */
@NullMarked
package dev.tributary.local.runtime;

import org.jspecify.annotations.NullMarked;
