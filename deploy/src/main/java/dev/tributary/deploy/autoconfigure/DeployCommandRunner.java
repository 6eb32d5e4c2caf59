package dev.tributary.deploy.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.ProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployCommand;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.lambda.ApiFunction;
import dev.tributary.deploy.logs.LogTail;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.retry.Sleeper;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.util.Assert;

/**
 * Runs the requested deploy command once the application has started.
 *
 * @author Tributary
 */
public class DeployCommandRunner implements ApplicationRunner {

	private final DeployCommand command;

	private final Deployer deployer;

	private final StreamProcessorRegistry registry;

	private final DeployOptions options;

	private final DeployClients clients;

	private final DeployProperties.Logs logs;

	private final DeployOutput output;

	private final Clock clock;

	private final Sleeper sleeper;

	/**
	 * Create a runner.
	 * @param command the command
	 * @param deployer the deployer
	 * @param registry the processors
	 * @param options the deploy options
	 * @param clients the AWS clients
	 * @param logs the logs command's settings
	 * @param output where output goes
	 */
	public DeployCommandRunner(DeployCommand command, Deployer deployer, StreamProcessorRegistry registry,
			DeployOptions options, DeployClients clients, DeployProperties.Logs logs, DeployOutput output) {
		this(command, deployer, registry, options, clients, logs, output, Clock.systemUTC(), Sleeper.THREAD);
	}

	DeployCommandRunner(DeployCommand command, Deployer deployer, StreamProcessorRegistry registry,
			DeployOptions options, DeployClients clients, DeployProperties.Logs logs, DeployOutput output, Clock clock,
			Sleeper sleeper) {
		Assert.notNull(command, "'command' must not be null");
		Assert.notNull(deployer, "'deployer' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(logs, "'logs' must not be null");
		Assert.notNull(output, "'output' must not be null");
		this.command = command;
		this.deployer = deployer;
		this.registry = registry;
		this.options = options;
		this.clients = clients;
		this.logs = logs;
		this.output = output;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.output.println("Tributary " + this.command.name().toLowerCase(java.util.Locale.ROOT) + ": app '"
				+ this.options.appName() + "', stage '" + this.options.stage() + "', region "
				+ this.clients.region().id());
		try {
			switch (this.command) {
				case DEPLOY -> this.deployer.deploy(this.registry, this.options);
				case PLAN -> this.deployer.plan(this.registry, this.options);
				case DESTROY -> this.deployer.destroy(this.registry, this.options);
				case LOGS -> printLogs();
			}
		}
		catch (DeployException | SdkException ex) {
			throw new DeployFailedException(this.command, ex);
		}
	}

	private void printLogs() {
		ResourceNames names = new ResourceNames(this.options.appName(), this.options.stage());
		LogTail tail = new LogTail(this.clients.logs(), this.output, this.clock, this.sleeper);
		if (this.options.api().isPresent() && ApiFunction.ID.equals(this.logs.getProcessor())) {
			// The HTTP API's function, by its name in tributary.deploy.logs.processor.
			String logGroup = names.logGroup(ApiFunction.ID);
			this.output.println("== " + ApiFunction.ID + " (" + logGroup + ")");
			tail.follow(logGroup, this.logs.getSince(), this.logs.isFollow() ? this.logs.getFollowFor() : Duration.ZERO);
			return;
		}
		List<ProcessorDefinition<?>> processors = this.registry.getProcessors()
			.stream()
			.filter((processor) -> this.logs.getProcessor() == null || processor.name().equals(this.logs.getProcessor()))
			.toList();
		if (processors.isEmpty()) {
			List<String> choices = new ArrayList<>(
					this.registry.getProcessors().stream().map(ProcessorDefinition::name).toList());
			this.options.api().ifPresent((api) -> choices.add(ApiFunction.ID));
			throw new DeployException("No processor named '" + this.logs.getProcessor() + "': choose one of " + choices);
		}
		if (this.logs.isFollow() && processors.size() > 1) {
			throw new DeployException("Following logs needs one processor: set tributary.deploy.logs.processor to one of "
					+ processors.stream().map(ProcessorDefinition::name).toList());
		}
		for (ProcessorDefinition<?> processor : processors) {
			String logGroup = names.logGroup(processor.name());
			this.output.println("== " + processor.name() + " (" + logGroup + ")");
			tail.follow(logGroup, this.logs.getSince(), this.logs.isFollow() ? this.logs.getFollowFor() : Duration.ZERO);
		}
	}

}
