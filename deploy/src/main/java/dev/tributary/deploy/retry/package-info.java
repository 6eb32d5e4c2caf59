/**
 * Retries of throttled and not-yet-consistent AWS calls, and waits for resources to settle, with an injectable sleeper.
 */
@NullMarked
package dev.tributary.deploy.retry;

import org.jspecify.annotations.NullMarked;
