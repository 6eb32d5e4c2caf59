package dev.tributary.local.shard;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a processor's threads to stop, and wakes them from their waits when it does. Once
 * {@link #abandon() abandoned}, in-flight work must not write a checkpoint.
 *
 * @author Tributary
 */
public final class StopSignal {

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean abandoned;

	/**
	 * Ask every thread to stop after its in-flight batch.
	 */
	public void stop() {
		this.stopped.countDown();
	}

	/**
	 * Stop, and make in-flight batches end without a checkpoint.
	 */
	public void abandon() {
		this.abandoned = true;
		stop();
	}

	public boolean isStopping() {
		return this.stopped.getCount() == 0;
	}

	public boolean isAbandoned() {
		return this.abandoned;
	}

	/**
	 * Wait, unless asked to stop.
	 * @param duration how long to wait
	 * @return whether the wait ended because of a stop (or an interrupt)
	 */
	public boolean await(Duration duration) {
		try {
			return this.stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

}
