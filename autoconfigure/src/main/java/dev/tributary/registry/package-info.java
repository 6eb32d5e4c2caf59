/**
 * The default {@link dev.tributary.StreamProcessorRegistry}.
 */
@NullMarked
package dev.tributary.registry;

import org.jspecify.annotations.NullMarked;
