package dev.tributary.local.shard;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff: the initial delay, doubling up to a maximum, until reset. A jittered
 * backoff waits a random time between half the delay and the delay, so that readers failing
 * together do not all try again at the same moment.
 *
 * @author Tributary
 */
public final class Backoff {

	private final Duration initial;

	private final Duration max;

	private final boolean jitter;

	private @Nullable Duration current;

	/**
	 * Create a backoff without jitter.
	 * @param initial the first wait
	 * @param max the longest wait
	 */
	public Backoff(Duration initial, Duration max) {
		this(initial, max, false);
	}

	/**
	 * Create a backoff.
	 * @param initial the first wait
	 * @param max the longest wait
	 * @param jitter whether waits are randomised
	 */
	public Backoff(Duration initial, Duration max, boolean jitter) {
		this.initial = initial;
		this.max = max;
		this.jitter = jitter;
	}

	/**
	 * The next wait.
	 * @return the wait
	 */
	public Duration next() {
		Duration next = (this.current == null) ? this.initial : this.current.multipliedBy(2);
		this.current = (next.compareTo(this.max) > 0) ? this.max : next;
		if (!this.jitter) {
			return this.current;
		}
		long nanos = this.current.toNanos();
		return Duration.ofNanos(nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
	}

	/**
	 * Start again from the first wait.
	 */
	public void reset() {
		this.current = null;
	}

}
