package dev.tributary.local.shard;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff: the initial delay, doubling up to a maximum, until reset.
 *
 * @author Tributary
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private @Nullable Duration current;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	Duration next() {
		Duration next = (this.current == null) ? this.initial : this.current.multipliedBy(2);
		this.current = (next.compareTo(this.max) > 0) ? this.max : next;
		return this.current;
	}

	void reset() {
		this.current = null;
	}

}
