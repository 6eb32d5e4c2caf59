package dev.tributary.deploy.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

import org.springframework.util.Assert;

/**
 * With SnapStart, the function's {@value #ALIAS} alias and the version it points at. SnapStart
 * only applies to published versions, so the mapping targets this alias instead of
 * {@code $LATEST}. A version is published only when the alias's version differs from what the
 * function should be (code hash and configuration), so a run with nothing changed publishes
 * nothing.
 *
 * @author Tributary
 */
public final class AliasStep implements ResourceStep {

	/** The alias the event source mapping targets when SnapStart is on. */
	public static final String ALIAS = "live";

	static final String TYPE = "alias";

	static final String VERSION = "FunctionVersion";

	private final String processor;

	private final String roleName;

	/**
	 * Create the step.
	 * @param processor the processor name
	 * @param roleName the name of its role
	 */
	public AliasStep(String processor, String roleName) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.hasText(roleName, "'roleName' must not be empty");
		this.processor = processor;
		this.roleName = roleName;
	}

	/**
	 * The ARN of a function's alias.
	 * @param context the run's context
	 * @param function the function name
	 * @return the alias ARN
	 */
	public static String aliasArn(DeployContext context, String function) {
		return context.arn("lambda", "function:" + function + ":" + ALIAS);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(this.processor);
		String name = function + ":" + ALIAS;
		LambdaClient lambda = context.clients().lambda();
		Map<String, String> desired = desiredVersion(context);
		Optional<AliasConfiguration> alias = getAlias(lambda, function);
		if (alias.isEmpty()) {
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
					List.of(FieldChange.set(VERSION, FieldChange.KNOWN_AFTER_APPLY))), () -> {
						String version = publish(context, function);
						context.retrier()
							.run("CreateAlias " + name, () -> lambda.createAlias((request) -> request.functionName(function)
								.name(ALIAS)
								.functionVersion(version)
								.description("Tributary: the version the event source mapping invokes")));
					});
		}
		String currentVersion = alias.get().functionVersion();
		FunctionConfiguration published = lambda
			.getFunction((request) -> request.functionName(function).qualifier(currentVersion))
			.configuration();
		Map<String, String> current = version(published);
		List<FieldChange> changes = new ArrayList<>();
		desired.forEach((field, value) -> {
			if (!Objects.equals(current.get(field), value)) {
				changes.add(new FieldChange(field, current.get(field), value));
			}
		});
		if (changes.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		changes.add(0, new FieldChange(VERSION, currentVersion, FieldChange.KNOWN_AFTER_APPLY));
		return new StepPlan(ResourceChange.of(TYPE, name, Action.UPDATE, changes), () -> {
			String version = publish(context, function);
			context.retrier()
				.run("UpdateAlias " + name, () -> lambda
					.updateAlias((request) -> request.functionName(function).name(ALIAS).functionVersion(version)));
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		// DeleteFunction removes every version and alias with the function.
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, context.names().function(this.processor) + ":" + ALIAS));
	}

	private Map<String, String> desiredVersion(DeployContext context) {
		Map<String, String> fields = new LinkedHashMap<>(
				FunctionStep.desiredConfiguration(context, this.processor, this.roleName));
		// A version inherits SnapStart from the function it was published from, and deploy sets it on
		// the function before publishing; comparing it again would only repeat FunctionStep's work.
		fields.remove("SnapStart");
		fields.put("Architecture", context.options().architecture().awsName());
		fields.put("CodeSha256", context.artifacts().processors().sha256Base64());
		return fields;
	}

	private static Map<String, String> version(FunctionConfiguration configuration) {
		Map<String, String> fields = new LinkedHashMap<>(FunctionStep.currentConfiguration(configuration));
		fields.remove("SnapStart");
		fields.put("Architecture", configuration.architecturesAsStrings().stream().findFirst().orElse("x86_64"));
		fields.put("CodeSha256", configuration.codeSha256());
		return fields;
	}

	private static String publish(DeployContext context, String function) {
		String codeSha256 = context.artifacts().processors().sha256Base64();
		LambdaClient lambda = context.clients().lambda();
		// CodeSha256 makes Lambda refuse to publish code other than the artifact just deployed.
		String version = context.retrier()
			.call("PublishVersion " + function,
					() -> lambda.publishVersion((request) -> request.functionName(function).codeSha256(codeSha256)))
			.version();
		context.progress("  published version " + version + " of " + function);
		// With SnapStart the version stays Pending while Lambda takes the snapshot.
		context.retrier().await("version " + version + " of " + function + " to be Active", () -> {
			var configuration = lambda
				.getFunctionConfiguration((request) -> request.functionName(function).qualifier(version));
			if (configuration.state() == State.FAILED) {
				throw new IllegalStateException(
						"Version " + version + " of " + function + " failed: " + configuration.stateReason());
			}
			return configuration.state() == null || configuration.state() == State.ACTIVE;
		}, DeployContext.SETTLE_TIMEOUT);
		return version;
	}

	private static Optional<AliasConfiguration> getAlias(LambdaClient lambda, String function) {
		try {
			var alias = lambda.getAlias((request) -> request.functionName(function).name(ALIAS));
			return Optional.of(AliasConfiguration.builder()
				.name(alias.name())
				.aliasArn(alias.aliasArn())
				.functionVersion(alias.functionVersion())
				.build());
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

}
