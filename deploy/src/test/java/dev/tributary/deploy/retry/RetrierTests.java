package dev.tributary.deploy.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Retrier}, on a fake clock that the sleeper advances.
 *
 * @author Tributary
 */
class RetrierTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<Duration> sleeps = new ArrayList<>();

	private final Retrier retrier = new Retrier(this.clock, (duration) -> {
		this.sleeps.add(duration);
		this.clock.advance(duration);
	}, Duration.ofMinutes(2));

	@Test
	void retriesARoleLambdaCannotAssumeYetWithBackoffUntilItSucceeds() {
		AtomicInteger attempts = new AtomicInteger();

		String result = this.retrier.call("CreateFunction", () -> {
			if (attempts.incrementAndGet() < 5) {
				throw rolePropagation();
			}
			return "created";
		});

		assertThat(result).isEqualTo("created");
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8));
	}

	@Test
	void givesUpOnIamPropagationAfterAboutTwoMinutes() {
		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(() -> this.retrier.call("CreateFunction", () -> {
				throw rolePropagation();
			}));
		Duration waited = this.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
		assertThat(waited).isBetween(Duration.ofSeconds(100), Duration.ofMinutes(2));
	}

	@Test
	void doesNotRetryOtherErrors() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.retrier.call("x", () -> {
			attempts.incrementAndGet();
			throw new IllegalArgumentException("bad");
		}));
		assertThat(attempts).hasValue(1);
		assertThat(this.sleeps).isEmpty();
	}

	private static InvalidParameterValueException rolePropagation() {
		return (InvalidParameterValueException) InvalidParameterValueException.builder()
			.message("The role defined for the function cannot be assumed by Lambda.")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValueException").build())
			.statusCode(400)
			.build();
	}

}
