package dev.tributary.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that a context failed to start with a processor binding error whose failure analysis
 * says what a test expects.
 */
final class BindingFailures {

	private BindingFailures() {
	}

	static ContextConsumer<AssertableApplicationContext> failsWith(String... expected) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new InvalidProcessorBindingFailureAnalyzer().analyze(failure);
			assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
			assertThat(analysis.getDescription() + "\n" + analysis.getAction()).contains(expected);
		};
	}

}
