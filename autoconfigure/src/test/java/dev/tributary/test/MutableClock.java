package dev.tributary.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when the test moves it, so that deadlines, record ages and
 * polling loops run without sleeping. Runtimes read it from their own threads, hence the
 * volatile instant.
 *
 * @author Tributary
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock at 2026-11-25T12:00:00Z.
	 */
	public MutableClock() {
		this(Instant.parse("2026-11-25T12:00:00Z"));
	}

	/**
	 * A clock at the given instant.
	 * @param now where the clock starts
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Move the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
