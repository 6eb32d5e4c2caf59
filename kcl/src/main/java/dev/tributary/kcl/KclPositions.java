package dev.tributary.kcl;

import java.time.Instant;
import java.util.Date;

import dev.tributary.StartingPosition;
import org.jspecify.annotations.Nullable;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;

/**
 * A processor's starting position as KCL's initial position: where a shard without a
 * checkpoint starts.
 *
 * @author Tributary
 */
final class KclPositions {

	private KclPositions() {
	}

	static InitialPositionInStreamExtended of(StartingPosition position, @Nullable Instant timestamp) {
		return switch (position) {
			case LATEST -> InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.LATEST);
			case TRIM_HORIZON ->
				InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON);
			case AT_TIMESTAMP -> {
				if (timestamp == null) {
					throw new IllegalArgumentException("AT_TIMESTAMP without a timestamp");
				}
				yield InitialPositionInStreamExtended.newInitialPositionAtTimestamp(Date.from(timestamp));
			}
		};
	}

}
