package dev.tributary.deploy.kcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tributary.aws.KclApplicationNames;
import dev.tributary.deploy.iam.KclHostPolicyDocument;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;

import org.springframework.util.Assert;

/**
 * Writes the policy document of the KCL hosts' role ({@link KclHostPolicyDocument}), with the
 * exact ARNs of this deploy, to {@code <app>-<stage>-kcl-hosts-policy.json} beside the artifact
 * (or in the working directory), and prints its path: deploy does not run the hosts, so the user
 * attaches it to their role (an instance profile, an ECS task role). Written after the tables and
 * streams, whose ARNs it names; rewritten when they change.
 *
 * @author Tributary
 */
public final class KclPolicyStep implements ResourceStep {

	static final String TYPE = "kcl-hosts-policy";

	private final List<DeployedProcessor> processors;

	/**
	 * Create the step.
	 * @param processors the processors the hosts run on KCL
	 */
	public KclPolicyStep(List<DeployedProcessor> processors) {
		Assert.notEmpty(processors, "'processors' must not be empty");
		this.processors = List.copyOf(processors);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		Path file = file(context);
		Optional<String> desired = desired(context);
		Optional<String> current = read(file);
		if (desired.isPresent() && current.isPresent() && desired.get().equals(current.get())) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, file.toString()));
		}
		Action action = current.isPresent() ? Action.UPDATE : Action.CREATE;
		return new StepPlan(ResourceChange.of(TYPE, file.toString(), action,
				List.of(FieldChange.set("Statements", "KCL tables, streams, destinations of " + this.processors.size()
						+ " processor(s)"))),
				() -> write(context, file));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, file(context).toString()));
	}

	private void write(DeployContext context, Path file) {
		String document = desired(context).orElseThrow(() -> new IllegalStateException(
				"A stream's ARN is still unknown after its step ran"));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the KCL hosts' policy to " + file, ex);
		}
		context.progress("  policy for the KCL hosts' role (attach it yourself): " + file.toAbsolutePath());
	}

	private Optional<String> desired(DeployContext context) {
		List<KclHostPolicyDocument.Processor> grants = new ArrayList<>();
		for (DeployedProcessor processor : this.processors) {
			Optional<String> streamArn = processor.streamArn(context);
			if (streamArn.isEmpty()) {
				return Optional.empty();
			}
			String application = KclApplicationNames.applicationName(context.options().appName(),
					context.options().stage(), processor.name());
			List<String> tableArns = KclApplicationNames.tables(application)
				.stream()
				.map((table) -> context.arn("dynamodb", "table/" + table))
				.toList();
			List<String> targets = processor.options()
				.sendsTo()
				.stream()
				.map((queue) -> queue.isExisting() ? queue.arn()
						: context.sourceQueueArn(queue.id()).orElseGet(() -> context.arn("sqs", queue.name())))
				.toList();
			grants.add(new KclHostPolicyDocument.Processor(processor.source(), streamArn.get(), tableArns,
					processor.options().onFailureDestination().map(context::queueArn).orElse(null), targets));
		}
		return Optional.of(KclHostPolicyDocument.of(grants));
	}

	private Path file(DeployContext context) {
		String name = context.options().appName() + "-" + context.options().stage() + "-kcl-hosts-policy.json";
		Path directory = context.options().artifact().map(Path::toAbsolutePath).map(Path::getParent).orElse(Path.of(""));
		return directory.resolve(name);
	}

	private static Optional<String> read(Path file) {
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
