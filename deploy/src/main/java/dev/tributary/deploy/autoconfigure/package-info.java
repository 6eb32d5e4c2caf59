/**
 * Auto-configuration of deploy mode, active only when {@code tributary.deploy.command} is set.
 */
@NullMarked
package dev.tributary.deploy.autoconfigure;

import org.jspecify.annotations.NullMarked;
