package dev.tributary.deploy.retry;

import java.time.Duration;

/**
 * Pauses between attempts. Injectable so that tests of two-minute back-offs take milliseconds.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleeps on the current thread. */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	/**
	 * Pause.
	 * @param duration how long
	 * @throws InterruptedException if interrupted while pausing
	 */
	void sleep(Duration duration) throws InterruptedException;

}
