package dev.tributary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DynamoDbStreamOptions}.
 *
 * @author Tributary
 */
class DynamoDbStreamOptionsTests {

	@Test
	void defaultsAreLambdasForADynamoDbStream() {
		assertThat(DynamoDbStreamOptions.defaults())
			.isEqualTo(new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.LATEST));
	}

	@Test
	void withersChangeOneSettingAndKeepTheOther() {
		DynamoDbStreamOptions options = DynamoDbStreamOptions.defaults()
			.withViewType(StreamViewType.NEW_IMAGE)
			.withStartingPosition(StartingPosition.TRIM_HORIZON);
		assertThat(options.viewType()).isEqualTo(StreamViewType.NEW_IMAGE);
		assertThat(options.startingPosition()).isEqualTo(StartingPosition.TRIM_HORIZON);
	}

	@Test
	void aDynamoDbStreamCannotStartAtATimestamp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DynamoDbStreamOptions.defaults().withStartingPosition(StartingPosition.AT_TIMESTAMP))
			.withMessageContaining("AT_TIMESTAMP");
	}

}
