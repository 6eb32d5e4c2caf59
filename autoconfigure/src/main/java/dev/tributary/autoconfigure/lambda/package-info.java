/**
 * Auto-configuration of the Lambda runtime in {@code dev.tributary.lambda}.
 */
@NullMarked
package dev.tributary.autoconfigure.lambda;

import org.jspecify.annotations.NullMarked;
