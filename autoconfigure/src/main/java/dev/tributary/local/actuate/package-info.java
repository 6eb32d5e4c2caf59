/**
 * The Actuator endpoint showing each processor, its shards and their positions.
 */
@NullMarked
package dev.tributary.local.actuate;

import org.jspecify.annotations.NullMarked;
