package dev.tributary.local.shard;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a processor's threads to stop, and wakes them from their waits when it does. Once
 * {@link #abandon() abandoned}, in-flight work must not write a checkpoint. A {@link #child()
 * child} signal stops with its parent, and can also be stopped alone (one shard whose lease was
 * lost, while the processor's other shards go on).
 *
 * @author Tributary
 */
public final class StopSignal {

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final List<StopSignal> children = new CopyOnWriteArrayList<>();

	private volatile boolean abandoned;

	/**
	 * Ask every thread to stop after its in-flight batch.
	 */
	public void stop() {
		this.stopped.countDown();
		this.children.forEach(StopSignal::stop);
	}

	/**
	 * Stop, and make in-flight batches end without a checkpoint.
	 */
	public void abandon() {
		this.abandoned = true;
		this.children.forEach(StopSignal::abandon);
		stop();
	}

	/**
	 * A signal that stops (or is abandoned) when this one does, and may also be stopped alone.
	 * @return the child signal
	 */
	public StopSignal child() {
		StopSignal child = new StopSignal();
		this.children.add(child);
		// Stopped while it was being added: it must not miss the stop.
		if (this.abandoned) {
			child.abandon();
		}
		else if (isStopping()) {
			child.stop();
		}
		return child;
	}

	/**
	 * Stop propagating to a child whose work is over.
	 * @param child a signal from {@link #child()}
	 */
	public void forget(StopSignal child) {
		this.children.remove(child);
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
