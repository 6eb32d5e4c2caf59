package dev.tributary.deploy.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.tributary.deploy.Artifact;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import dev.tributary.lambda.LambdaHandlers;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.State;

import org.springframework.util.Assert;

/**
 * A processor's function, deploying the processors' zip, or the API function
 * ({@link #forApi(String)}), deploying the API's zip. Configuration and code are compared
 * separately, so a code-only change calls only {@code UpdateFunctionCode}; the code is compared by
 * hash ({@code CodeSha256}), never downloaded.
 *
 * @author Tributary
 */
public final class FunctionStep implements ResourceStep {

	static final String TYPE = "function";

	private final String processor;

	private final String roleName;

	// The API function: its own handler and environment, no SnapStart, tagged as the API's.
	private final boolean api;

	/**
	 * Create the step.
	 * @param processor the processor name
	 * @param roleName the name of its role
	 */
	public FunctionStep(String processor, String roleName) {
		this(processor, roleName, false);
	}

	private FunctionStep(String processor, String roleName, boolean api) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.hasText(roleName, "'roleName' must not be empty");
		this.processor = processor;
		this.roleName = roleName;
		this.api = api;
	}

	/**
	 * The step of the API function ({@link ApiFunction#ID}), which serves the application's
	 * controllers behind a function URL.
	 * @param roleName the name of its role
	 * @return the step
	 */
	public static FunctionStep forApi(String roleName) {
		return new FunctionStep(ApiFunction.ID, roleName, true);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String name = context.names().function(this.processor);
		LambdaClient lambda = context.clients().lambda();
		Map<String, String> desired = desiredConfiguration(context, this.processor, this.roleName, this.api);
		Artifact artifact = artifact(context);
		Optional<GetFunctionResponse> current = get(lambda, name);
		if (current.isEmpty()) {
			List<FieldChange> changes = new ArrayList<>();
			desired.forEach((field, value) -> changes.add(FieldChange.set(field, value)));
			changes.add(FieldChange.set("CodeSha256", artifact.describe()));
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE, changes), () -> create(context, name));
		}
		context.tags().requireManaged(TYPE, name, current.get().tags());
		Map<String, String> existing = currentConfiguration(current.get().configuration());
		List<FieldChange> configChanges = new ArrayList<>();
		desired.forEach((field, value) -> {
			if (!Objects.equals(existing.get(field), value)) {
				configChanges.add(new FieldChange(field, existing.get(field), value));
			}
		});
		String currentArchitecture = current.get().configuration().architecturesAsStrings().stream().findFirst().orElse("x86_64");
		String desiredArchitecture = context.options().architecture().awsName();
		boolean codeChanged = !artifact.sha256Base64().equals(current.get().configuration().codeSha256())
				|| !currentArchitecture.equals(desiredArchitecture);
		List<FieldChange> changes = new ArrayList<>(configChanges);
		if (!currentArchitecture.equals(desiredArchitecture)) {
			changes.add(new FieldChange("Architecture", currentArchitecture, desiredArchitecture));
		}
		if (!artifact.sha256Base64().equals(current.get().configuration().codeSha256())) {
			changes.add(new FieldChange("CodeSha256", current.get().configuration().codeSha256(), artifact.describe()));
		}
		if (changes.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.UPDATE, changes), () -> {
			if (!configChanges.isEmpty()) {
				updateConfiguration(context, name);
			}
			if (codeChanged) {
				updateCode(context, name);
			}
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String name = context.names().function(this.processor);
		LambdaClient lambda = context.clients().lambda();
		Optional<GetFunctionResponse> current = get(lambda, name);
		if (current.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		context.tags().requireManaged(TYPE, name, current.get().tags());
		return new StepPlan(ResourceChange.of(TYPE, name, Action.DELETE, List.of()), () -> context.retrier()
			.run("DeleteFunction " + name, () -> lambda.deleteFunction((request) -> request.functionName(name))));
	}

	/**
	 * The configuration a processor's function should have, as comparable text per field.
	 */
	static Map<String, String> desiredConfiguration(DeployContext context, String processor, String roleName) {
		return desiredConfiguration(context, processor, roleName, false);
	}

	private static Map<String, String> desiredConfiguration(DeployContext context, String processor, String roleName,
			boolean api) {
		DeployOptions options = context.options();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Runtime", options.runtime());
		fields.put("Handler", handler(options, api));
		fields.put("MemorySize", String.valueOf(options.memoryMb()));
		fields.put("Timeout", String.valueOf(options.timeout().toSeconds()));
		fields.put("Role", context.roleArn(roleName));
		fields.put("Environment", new TreeMap<>(environment(options, processor, api)).toString());
		if (options.snapStart() && !api) {
			fields.put("SnapStart", SnapStartApplyOn.PUBLISHED_VERSIONS.toString());
		}
		return fields;
	}

	/**
	 * The configuration of a function (or one of its versions) as read from Lambda, in the
	 * fields of {@link #desiredConfiguration}.
	 */
	static Map<String, String> currentConfiguration(FunctionConfiguration configuration) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Runtime", configuration.runtimeAsString());
		fields.put("Handler", configuration.handler());
		fields.put("MemorySize", String.valueOf(configuration.memorySize()));
		fields.put("Timeout", String.valueOf(configuration.timeout()));
		fields.put("Role", configuration.role());
		Map<String, String> variables = (configuration.environment() != null) ? configuration.environment().variables()
				: Map.of();
		fields.put("Environment", new TreeMap<>(variables).toString());
		if (configuration.snapStart() != null && configuration.snapStart().applyOn() != null) {
			fields.put("SnapStart", configuration.snapStart().applyOnAsString());
		}
		return fields;
	}

	private static String handler(DeployOptions options, boolean api) {
		return api ? LambdaHandlers.API_HANDLER : options.handler();
	}

	private static Map<String, String> environment(DeployOptions options, String processor, boolean api) {
		return api ? FunctionEnvironment.forApi(options) : FunctionEnvironment.of(processor, options);
	}

	private SnapStartApplyOn snapStart(DeployOptions options) {
		return (options.snapStart() && !this.api) ? SnapStartApplyOn.PUBLISHED_VERSIONS : SnapStartApplyOn.NONE;
	}

	private void create(DeployContext context, String name) {
		DeployOptions options = context.options();
		FunctionCode code = code(context, artifact(context));
		context.retrier()
			.run("CreateFunction " + name, () -> context.clients()
				.lambda()
				.createFunction((request) -> request.functionName(name)
					.runtime(options.runtime())
					.handler(handler(options, this.api))
					.memorySize(options.memoryMb())
					.timeout((int) options.timeout().toSeconds())
					.role(context.roleArn(this.roleName))
					.architecturesWithStrings(options.architecture().awsName())
					.environment((environment) -> environment.variables(environment(options, this.processor, this.api)))
					.snapStart((snapStart) -> snapStart.applyOn(snapStart(options)))
					.description((this.api ? "Tributary HTTP API" : "Tributary stream processor " + this.processor) + " ("
							+ options.stage() + ")")
					.code(code)
					.tags(context.tags().forResource(this.api ? ApiFunction.FUNCTION_RESOURCE : "function/" + this.processor))));
		awaitSettled(context, name);
	}

	private void updateConfiguration(DeployContext context, String name) {
		DeployOptions options = context.options();
		context.retrier()
			.run("UpdateFunctionConfiguration " + name, () -> context.clients()
				.lambda()
				.updateFunctionConfiguration((request) -> request.functionName(name)
					.runtime(options.runtime())
					.handler(handler(options, this.api))
					.memorySize(options.memoryMb())
					.timeout((int) options.timeout().toSeconds())
					.role(context.roleArn(this.roleName))
					.environment((environment) -> environment.variables(environment(options, this.processor, this.api)))
					.snapStart((snapStart) -> snapStart.applyOn(snapStart(options)))));
		awaitSettled(context, name);
	}

	private void updateCode(DeployContext context, String name) {
		FunctionCode code = code(context, artifact(context));
		context.retrier()
			.run("UpdateFunctionCode " + name, () -> context.clients()
				.lambda()
				.updateFunctionCode((request) -> request.functionName(name)
					.zipFile(code.zipFile())
					.s3Bucket(code.s3Bucket())
					.s3Key(code.s3Key())
					.architecturesWithStrings(context.options().architecture().awsName())));
		awaitSettled(context, name);
	}

	// The API function deploys its own zip (Spring MVC in it), the processors theirs.
	private Artifact artifact(DeployContext context) {
		return this.api ? context.artifacts().api() : context.artifacts().processors();
	}

	private static FunctionCode code(DeployContext context, Artifact artifact) {
		return context.artifacts()
			.codeLocation(artifact)
			.map((location) -> FunctionCode.builder().s3Bucket(location.bucket()).s3Key(location.key()).build())
			.orElseGet(() -> FunctionCode.builder().zipFile(SdkBytes.fromByteArray(artifact.read())).build());
	}

	private static void awaitSettled(DeployContext context, String name) {
		context.retrier().await("function " + name + " to be Active", () -> {
			var configuration = context.clients()
				.lambda()
				.getFunctionConfiguration((request) -> request.functionName(name));
			if (configuration.state() == State.FAILED || configuration.lastUpdateStatus() == LastUpdateStatus.FAILED) {
				throw new IllegalStateException("Function " + name + " failed: " + configuration.stateReason() + " "
						+ configuration.lastUpdateStatusReason());
			}
			return (configuration.state() == null || configuration.state() == State.ACTIVE)
					&& configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS;
		}, DeployContext.SETTLE_TIMEOUT);
	}

	private static Optional<GetFunctionResponse> get(LambdaClient lambda, String name) {
		try {
			return Optional.of(lambda.getFunction((request) -> request.functionName(name)));
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

}
