package dev.tributary;

import org.springframework.util.Assert;

/**
 * Settings of a processor that only a DynamoDB stream has, on top of the common
 * {@link ProcessorOptions}: what the stream carries and where a new processor starts reading.
 * The starting position is a source setting because its valid values differ per source (Lambda
 * accepts {@link StartingPosition#AT_TIMESTAMP} for Kinesis only, and queues have none).
 *
 * @param viewType what the table's stream carries for each change
 * @param startingPosition where the processor starts reading the first time, never
 * {@link StartingPosition#AT_TIMESTAMP}
 * @author Tributary
 */
public record DynamoDbStreamOptions(StreamViewType viewType, StartingPosition startingPosition) {

	public DynamoDbStreamOptions {
		Assert.notNull(viewType, "'viewType' must not be null");
		Assert.notNull(startingPosition, "'startingPosition' must not be null");
		Assert.isTrue(startingPosition != StartingPosition.AT_TIMESTAMP,
				"'startingPosition' must not be AT_TIMESTAMP for a DynamoDB stream");
	}

	/**
	 * Lambda's defaults for a DynamoDB stream: {@link StreamViewType#KEYS_ONLY} and
	 * {@link StartingPosition#LATEST}.
	 * @return the default options
	 */
	public static DynamoDbStreamOptions defaults() {
		return new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.LATEST);
	}

	/**
	 * These options with another view type.
	 * @param viewType the view type
	 * @return new options
	 */
	public DynamoDbStreamOptions withViewType(StreamViewType viewType) {
		return new DynamoDbStreamOptions(viewType, this.startingPosition);
	}

	/**
	 * These options with another starting position.
	 * @param startingPosition the starting position
	 * @return new options
	 */
	public DynamoDbStreamOptions withStartingPosition(StartingPosition startingPosition) {
		return new DynamoDbStreamOptions(this.viewType, startingPosition);
	}

}
