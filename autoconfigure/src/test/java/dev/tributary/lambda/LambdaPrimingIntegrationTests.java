package dev.tributary.lambda;

import java.util.List;
import java.util.Optional;

import dev.tributary.autoconfigure.lambda.LambdaPrimingTrigger;
import dev.tributary.lambda.snapstart.SnapStartPriming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Priming the real processors of the Lambda test applications, each source's synthetic events
 * read by its real reader: every processor is primed, none of the users' functions is called.
 */
@ExtendWith(OutputCaptureExtension.class)
class LambdaPrimingIntegrationTests {

	@BeforeEach
	void resetProcessors() {
		LambdaTestApplication.reset();
		KinesisLambdaTestApplication.reset();
		SqsLambdaTestApplication.reset();
		S3LambdaTestApplication.reset();
	}

	static List<Arguments> applications() {
		return List.of(arguments(LambdaTestApplication.class, List.of("items"), LambdaTestApplication.received),
				arguments(KinesisLambdaTestApplication.class, List.of("orders"), KinesisLambdaTestApplication.received),
				arguments(SqsLambdaTestApplication.class, List.of("shipments"), SqsLambdaTestApplication.received),
				arguments(S3LambdaTestApplication.class, List.of("files", "uploads"), S3LambdaTestApplication.received));
	}

	@ParameterizedTest
	@MethodSource("applications")
	void primesEveryProcessorWithoutCallingItsFunction(Class<?> application, List<String> processors,
			List<?> received) {
		try (ConfigurableApplicationContext context = start(application)) {
			LambdaPrimer.Result result = context.getBean(LambdaPrimer.class).prime("in a test");
			assertThat(result.primed()).containsExactlyInAnyOrderElementsOf(processors);
			assertThat(result.failed()).isEmpty();
			assertThat(received).isEmpty();
		}
	}

	@Test
	void primesOnlyTheProcessorOfTheFunctionDefinition() {
		try (ConfigurableApplicationContext context = start(S3LambdaTestApplication.class,
				"spring.cloud.function.definition=uploads")) {
			assertThat(context.getBean(LambdaPrimer.class).prime("in a test").primed()).containsExactly("uploads");
		}
	}

	@Test
	void primesBeforeTheSnapStartSnapshotByDefault(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start(LambdaTestApplication.class)) {
			assertThat(output).doesNotContain("Primed");
			snapStartResource(context).orElseThrow().beforeCheckpoint(null);
			assertThat(output).contains("Primed 1 processor(s) [items] before the SnapStart snapshot in ");
			assertThat(LambdaTestApplication.received).isEmpty();
		}
	}

	@Test
	void primesAtStartupWhenAsked(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(SqsLambdaTestApplication.class,
				"tributary.lambda.priming=startup")) {
			assertThat(snapStartResource(context)).isEmpty();
			assertThat(output).contains("Primed 1 processor(s) [shipments] at startup in ");
			assertThat(SqsLambdaTestApplication.received).isEmpty();
		}
	}

	@Test
	void primesNothingWhenTurnedOff() {
		try (ConfigurableApplicationContext context = start(LambdaTestApplication.class,
				"tributary.lambda.priming=none")) {
			assertThat(snapStartResource(context)).isEmpty();
		}
	}

	@Test
	void primesNothingOutsideLambda() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LambdaTestApplication.class)
			.properties("spring.main.web-application-type=none", "tributary.lambda.enabled=false",
					"tributary.local.enabled=false", "spring.cloud.aws.region.static=us-east-1")
			.run()) {
			assertThat(context.getBeansOfType(LambdaPrimer.class)).isEmpty();
		}
	}

	private static Optional<SnapStartPriming> snapStartResource(ConfigurableApplicationContext context) {
		return context.getBean(LambdaPrimingTrigger.class).snapStartResource();
	}

	private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).properties("spring.main.web-application-type=none",
				"tributary.lambda.enabled=true")
			.properties(properties)
			.run();
	}

}
