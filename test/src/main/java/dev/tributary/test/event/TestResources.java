package dev.tributary.test.event;

import java.time.Instant;

/**
 * What the builders put in events when the test does not say: one account, one region, one
 * point in time, so that events are the same on every run.
 *
 * @author Tributary
 */
final class TestResources {

	static final String ACCOUNT = "123456789012";

	static final String REGION = "us-east-1";

	/** When the first record of an event was made; each next one a second later. */
	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private TestResources() {
	}

	/** Sequence numbers 100, 200, ...: ordered as numbers, readable in assertions. */
	static String sequenceNumber(int index) {
		return String.valueOf((index + 1) * 100L);
	}

}
