package dev.tributary;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Settings of a processor that only a Kinesis stream has, on top of the common
 * {@link ProcessorOptions}: where a new processor starts reading.
 *
 * @param startingPosition where the processor starts reading the first time
 * @param startingPositionTimestamp the point in time to start from, set exactly when the
 * starting position is {@link StartingPosition#AT_TIMESTAMP}
 * @author Tributary
 */
public record KinesisStreamOptions(StartingPosition startingPosition, @Nullable Instant startingPositionTimestamp) {

	public KinesisStreamOptions {
		Assert.notNull(startingPosition, "'startingPosition' must not be null");
		Assert.isTrue((startingPosition == StartingPosition.AT_TIMESTAMP) == (startingPositionTimestamp != null),
				"'startingPositionTimestamp' must be set exactly when 'startingPosition' is AT_TIMESTAMP");
	}

	/**
	 * Lambda's default for a Kinesis stream: {@link StartingPosition#LATEST}.
	 * @return the default options
	 */
	public static KinesisStreamOptions defaults() {
		return new KinesisStreamOptions(StartingPosition.LATEST, null);
	}

}
