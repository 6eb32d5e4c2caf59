package dev.tributary.deploy.kinesis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamScaling}'s steps: Kinesis takes at most double or half the open
 * shards per {@code UpdateShardCount}.
 *
 * @author Tributary
 */
class StreamScalingTests {

	@Test
	void scalingUpDoublesAtMostPerStep() {
		assertThat(StreamScaling.nextStep(1, 4)).isEqualTo(2);
		assertThat(StreamScaling.nextStep(2, 4)).isEqualTo(4);
		assertThat(StreamScaling.nextStep(3, 5)).isEqualTo(5);
	}

	@Test
	void scalingDownHalvesAtMostPerStepRoundingUp() {
		assertThat(StreamScaling.nextStep(8, 1)).isEqualTo(4);
		assertThat(StreamScaling.nextStep(5, 1)).isEqualTo(3);
		assertThat(StreamScaling.nextStep(3, 2)).isEqualTo(2);
	}

}
