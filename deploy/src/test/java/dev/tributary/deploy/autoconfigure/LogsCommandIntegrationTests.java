package dev.tributary.deploy.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.DeployCommand;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.retry.Sleeper;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.KinesisTestProcessors;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The logs command against {@code moto_server}: log events written where Lambda would write
 * them, read back by the command as a user runs it.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class LogsCommandIntegrationTests {

	private static final String STREAM = "2026/11/25/[$LATEST]0123456789abcdef";

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("logs");

	private final MutableClock clock = new MutableClock(Instant.now());

	private final String logGroup = new ResourceNames(this.fixture.app(), "dev").logGroup("orders");

	@Test
	void printsTheRecentEventsOfEachFunctionWithTheirStream() {
		createLogGroup();
		put("START RequestId: 1", "processed 3 records on shard shardId-1 up to 42", "END RequestId: 1");

		runner(new DeployProperties.Logs(), (duration) -> {
			throw new AssertionError("a non-follow read must not poll");
		}).run(new DefaultApplicationArguments());

		assertThat(this.fixture.output()).contains("== orders (" + this.logGroup + ")");
		assertThat(this.fixture.output()).filteredOn((line) -> line.contains(STREAM))
			.extracting((line) -> line.substring(line.indexOf(STREAM) + STREAM.length() + 1))
			.containsExactly("START RequestId: 1", "processed 3 records on shard shardId-1 up to 42", "END RequestId: 1");
	}

	@Test
	void followPrintsNewEventsOnceEachUntilItsDurationIsOver() {
		createLogGroup();
		put("first");
		DeployProperties.Logs logs = new DeployProperties.Logs();
		logs.setFollow(true);
		logs.setFollowFor(Duration.ofSeconds(10));
		AtomicInteger polls = new AtomicInteger();
		Sleeper sleeper = (duration) -> {
			if (polls.incrementAndGet() == 2) {
				put("second", "third");
			}
			this.clock.advance(duration);
		};

		runner(logs, sleeper).run(new DefaultApplicationArguments());

		assertThat(polls).hasValue(5);
		assertThat(this.fixture.output()).filteredOn((line) -> line.contains(STREAM))
			.extracting((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.containsExactly("first", "second", "third");
	}

	@Test
	void failsWithWhatToDoWhenTheFunctionWasNeverDeployed() {
		assertThatExceptionOfType(DeployFailedException.class)
			.isThrownBy(() -> runner(new DeployProperties.Logs(), Sleeper.THREAD).run(new DefaultApplicationArguments()))
			.withMessageContaining("tributary.deploy.command=logs failed")
			.withMessageContaining(this.logGroup + " does not exist: deploy first");
	}

	@Test
	void printsTheEventsOfAKinesisProcessorsFunctionToo() {
		String clicksGroup = new ResourceNames(this.fixture.app(), "dev").logGroup("logClicks");
		this.fixture.clients().logs().createLogGroup((request) -> request.logGroupName(clicksGroup));
		createLogGroup();
		DeployProperties.Logs logs = new DeployProperties.Logs();
		logs.setProcessor("logClicks");
		List<ProcessorDefinition<?>> processors = new ArrayList<>(
				TestRegistry.of("orders", "orders", ProcessorOptions.defaults()).getProcessors());
		processors.add(KinesisTestProcessors.processor("logClicks", KinesisTestProcessors.provisioned("clicks", "clicks", 1)));
		StreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(processors);

		new DeployCommandRunner(DeployCommand.LOGS, this.fixture.deployer(), registry,
				DeployOptions.builder(this.fixture.app()).build(), this.fixture.clients(), logs,
				this.fixture.output()::add, this.clock, Sleeper.THREAD)
			.run(new DefaultApplicationArguments());

		assertThat(this.fixture.output()).filteredOn((line) -> line.startsWith("=="))
			.containsExactly("== logClicks (" + clicksGroup + ")");
	}

	private DeployCommandRunner runner(DeployProperties.Logs logs, Sleeper sleeper) {
		return new DeployCommandRunner(DeployCommand.LOGS, this.fixture.deployer(),
				TestRegistry.of("orders", "orders", ProcessorOptions.defaults()),
				DeployOptions.builder(this.fixture.app()).build(), this.fixture.clients(), logs,
				this.fixture.output()::add, this.clock, sleeper);
	}

	private void createLogGroup() {
		this.fixture.clients().logs().createLogGroup((request) -> request.logGroupName(this.logGroup));
		this.fixture.clients().logs()
			.createLogStream((request) -> request.logGroupName(this.logGroup).logStreamName(STREAM));
	}

	private void put(String... messages) {
		long now = Instant.now().toEpochMilli();
		List<InputLogEvent> events = new ArrayList<>();
		for (int i = 0; i < messages.length; i++) {
			events.add(InputLogEvent.builder().timestamp(now + i).message(messages[i] + "\n").build());
		}
		this.fixture.clients().logs()
			.putLogEvents((request) -> request.logGroupName(this.logGroup).logStreamName(STREAM).logEvents(events));
	}

}
