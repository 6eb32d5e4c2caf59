package dev.tributary.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.tributary.HttpApiDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.lambda.FunctionUrlStep;
import dev.tributary.deploy.lock.DeployLock;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.plan.PlanPrinter;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import dev.tributary.deploy.retry.Retrier;

import org.springframework.util.Assert;

/**
 * Deploys, plans and destroys an application's processors. Reads the current state from AWS
 * (deploy's resources carry tags, so there is no state file), prints the plan, then, holding the
 * app's and stage's {@link DeployLock}, applies only the differences in dependency order,
 * printing progress per resource. Each resource is
 * planned again right before it is applied, so a run interrupted anywhere converges when run
 * again.
 *
 * @author Tributary
 */
public final class Deployer {

	private final DeployClients clients;

	private final Retrier retrier;

	private final DeployOutput output;

	private final PlanPrinter printer = new PlanPrinter();

	private final DeployLock lock;

	/**
	 * Create a deployer.
	 * @param clients the AWS clients
	 * @param retrier the retrier for transient errors
	 * @param output where the plan and progress go
	 */
	public Deployer(DeployClients clients, Retrier retrier, DeployOutput output) {
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(retrier, "'retrier' must not be null");
		Assert.notNull(output, "'output' must not be null");
		this.clients = clients;
		this.retrier = retrier;
		this.output = output;
		this.lock = new DeployLock(clients.dynamoDb(), retrier, output, Clock.systemUTC(), DeployLock.TABLE);
	}

	/**
	 * Print what a deploy would change, changing nothing.
	 * @param registry the processors
	 * @param options the options
	 * @return the plan
	 */
	public Plan plan(StreamProcessorRegistry registry, DeployOptions options) {
		DeployContext context = context(registry, options);
		Plan plan = plan(DeploySteps.forDeploy(registry, context), context, ResourceStep::plan);
		this.output.println(this.printer.format(plan));
		return plan;
	}

	/**
	 * Print the plan and apply it.
	 * @param registry the processors
	 * @param options the options
	 * @return the plan that was applied
	 * @throws DeployException if a resource cannot be applied
	 */
	public Plan deploy(StreamProcessorRegistry registry, DeployOptions options) {
		DeployContext context = context(registry, options);
		List<ResourceStep> steps = DeploySteps.forDeploy(registry, context);
		Plan plan = run("Deploy", steps, context, ResourceStep::plan);
		options.api().ifPresent((api) -> FunctionUrlStep.url(context).ifPresent((url) -> {
			this.output.println("Api URL: " + url);
			if (api.authType() == HttpApiDefinition.AuthType.AWS_IAM) {
				this.output.println("  (auth AWS_IAM: callers sign requests with SigV4 and need lambda:InvokeFunctionUrl; "
						+ "tributary.api.url.auth-type=NONE makes it public)");
			}
		}));
		return plan;
	}

	/**
	 * Print what destroy removes and remove it: mappings, functions, roles, log groups and the
	 * bucket, tables only with {@code destroy-tables}, Kinesis streams only with
	 * {@code destroy-streams} and the queues of SQS processors only with {@code destroy-queues}.
	 * @param registry the processors
	 * @param options the options
	 * @return the plan that was applied
	 */
	public Plan destroy(StreamProcessorRegistry registry, DeployOptions options) {
		DeployContext context = context(registry, options);
		return run("Destroy", DeploySteps.forDestroy(registry, context), context, ResourceStep::planDestroy);
	}

	private Plan run(String verb, List<ResourceStep> steps, DeployContext context,
			BiFunction<ResourceStep, DeployContext, StepPlan> planner) {
		Plan plan = plan(steps, context, planner);
		this.output.println(this.printer.format(plan));
		if (plan.isEmpty()) {
			this.output.println(verb + ": nothing to do, no resource was changed.");
			return plan;
		}
		DeployOptions options = context.options();
		try (DeployLock.Held held = this.lock.acquire(options.appName(), options.stage(), options.lockStaleAfter(),
				options.breakLock())) {
			apply(verb, steps, context, planner, plan);
		}
		return plan;
	}

	private void apply(String verb, List<ResourceStep> steps, DeployContext context,
			BiFunction<ResourceStep, DeployContext, StepPlan> planner, Plan plan) {
		long started = System.nanoTime();
		for (ResourceStep step : steps) {
			StepPlan current = planner.apply(step, context);
			ResourceChange change = current.change();
			if (!change.action().mutates()) {
				continue;
			}
			long stepStarted = System.nanoTime();
			this.output.println(change.action().symbol() + " " + change.action().label() + " " + change.type() + " "
					+ change.name() + " ...");
			try {
				current.apply().run();
			}
			catch (RuntimeException ex) {
				throw new DeployException(verb + " stopped at " + change.type() + " '" + change.name() + "': "
						+ ex.getMessage() + ". Resources before it are in place; run the command again to converge.",
						ex);
			}
			this.output.println("  done " + change.type() + " " + change.name() + " in " + millis(stepStarted) + " ms");
		}
		this.output.println(verb + " complete in " + millis(started) + " ms (" + this.printer.summary(plan) + ")");
	}

	private static Plan plan(List<ResourceStep> steps, DeployContext context,
			BiFunction<ResourceStep, DeployContext, StepPlan> planner) {
		List<ResourceChange> changes = new ArrayList<>();
		steps.forEach((step) -> changes.add(planner.apply(step, context).change()));
		return new Plan(changes);
	}

	private DeployContext context(StreamProcessorRegistry registry, DeployOptions options) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(options, "'options' must not be null");
		if (registry.getProcessors().isEmpty()) {
			throw new DeployException("No processors to deploy: declare a @DynamoDbStreamProcessor, "
					+ "@KinesisStreamProcessor, @SqsQueueProcessor or @S3EventProcessor bean");
		}
		String account = this.clients.sts().getCallerIdentity().account();
		return new DeployContext(options, this.clients, this.retrier, this.output, account);
	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
