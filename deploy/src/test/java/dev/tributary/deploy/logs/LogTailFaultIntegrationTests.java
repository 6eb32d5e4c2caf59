package dev.tributary.deploy.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import dev.tributary.deploy.DeployException;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import dev.tributary.test.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Following logs through injected faults: a real logs client against {@code moto_server}, with
 * an interceptor failing chosen {@code FilterLogEvents} calls before they are sent.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class LogTailFaultIntegrationTests {

	private static final String STREAM = "2026/12/01/[$LATEST]abc";

	private final String logGroup = "/aws/lambda/tail-" + UUID.randomUUID();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final List<String> output = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private IntFunction<@Nullable SdkException> faults = (call) -> null;

	private CloudWatchLogsClient logs;

	@BeforeEach
	void createLogGroup() {
		this.logs = AwsTestClients.configure(CloudWatchLogsClient.builder())
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(new FaultInjector()))
			.build();
		this.logs.createLogGroup((request) -> request.logGroupName(this.logGroup));
		this.logs.createLogStream((request) -> request.logGroupName(this.logGroup).logStreamName(STREAM));
	}

	@AfterEach
	void deleteLogGroup() {
		this.logs.deleteLogGroup((request) -> request.logGroupName(this.logGroup));
		this.logs.close();
	}

	@Test
	void followOutlivesThrottlingServerErrorsAndLostConnectionsAndSaysSoOncePerStreak() {
		put("first");
		this.faults = (call) -> switch (call) {
			case 2, 3 -> serviceError(400, "ThrottlingException");
			case 4 -> serviceError(503, "ServiceUnavailableException");
			case 5 -> SdkClientException.create("Connection reset");
			case 8 -> serviceError(400, "ThrottlingException");
			default -> null;
		};
		AtomicInteger pauses = new AtomicInteger();
		LogTail tail = new LogTail(this.logs, this.output::add, this.clock, (duration) -> {
			if (pauses.incrementAndGet() == 3) {
				put("second");
			}
			this.clock.advance(duration);
		});

		int printed = tail.follow(this.logGroup, Duration.ofMinutes(5), Duration.ofSeconds(40));

		assertThat(printed).isEqualTo(2);
		assertThat(this.output).filteredOn((line) -> line.contains(STREAM))
			.extracting((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.containsExactly("first", "second");
		assertThat(this.output).filteredOn((line) -> line.startsWith("(reading"))
			.containsExactly(
					"(reading " + this.logGroup + " failed: ThrottlingException (HTTP 400); trying again)",
					"(reading " + this.logGroup + " failed: ThrottlingException (HTTP 400); trying again)");
	}

	@Test
	void anErrorThatRetryingCannotMendEndsTheFollowWithTheServicesError() {
		this.faults = (call) -> (call >= 2) ? serviceError(400, "AccessDeniedException") : null;
		LogTail tail = new LogTail(this.logs, this.output::add, this.clock, this.clock::advance);

		assertThatExceptionOfType(CloudWatchLogsException.class)
			.isThrownBy(() -> tail.follow(this.logGroup, Duration.ofMinutes(5), Duration.ofSeconds(40)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void aSingleReadGivesUpAfterThreeAttemptsNamingTheError() {
		this.faults = (call) -> (call >= 2) ? serviceError(400, "ThrottlingException") : null;
		LogTail tail = new LogTail(this.logs, this.output::add, this.clock, this.clock::advance);

		assertThatExceptionOfType(DeployException.class).isThrownBy(() -> tail.print(this.logGroup, Duration.ofHours(1)))
			.withMessage("Could not read " + this.logGroup + " after 3 attempts: ThrottlingException (HTTP 400)");
	}

	private void put(String message) {
		this.logs.putLogEvents((request) -> request.logGroupName(this.logGroup)
			.logStreamName(STREAM)
			.logEvents(InputLogEvent.builder().timestamp(Instant.now().toEpochMilli()).message(message).build()));
	}

	private static SdkException serviceError(int status, String code) {
		return CloudWatchLogsException.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("injected").build())
			.message("injected " + code)
			.build();
	}

	/** Counts the calls after CreateLogGroup (call 1 is DescribeLogGroups) and fails the chosen ones. */
	private final class FaultInjector implements ExecutionInterceptor {

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			String operation = context.request().getClass().getSimpleName();
			if (!operation.startsWith("DescribeLogGroups") && !(context.request() instanceof FilterLogEventsRequest)) {
				return;
			}
			SdkException fault = LogTailFaultIntegrationTests.this.faults
				.apply(LogTailFaultIntegrationTests.this.calls.incrementAndGet());
			if (fault != null) {
				throw fault;
			}
		}

	}

}
