package dev.tributary.deploy.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Cors;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeMode;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import org.springframework.util.Assert;

/**
 * The API function's URL: its auth type ({@code AWS_IAM} unless the application sets
 * {@code NONE}) and CORS settings, on the unqualified function, buffered (streaming responses are
 * not supported). A public URL says so in the plan, every time.
 *
 * @author Tributary
 */
public final class FunctionUrlStep implements ResourceStep {

	static final String TYPE = "function-url";

	static final String PUBLIC = "the URL is public: anyone on the internet can call the API without credentials "
			+ "(tributary.api.url.auth-type=NONE)";

	private final HttpApiDefinition api;

	/**
	 * Create the step.
	 * @param api the API's declaration
	 */
	public FunctionUrlStep(HttpApiDefinition api) {
		Assert.notNull(api, "'api' must not be null");
		this.api = api;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(ApiFunction.ID);
		LambdaClient lambda = context.clients().lambda();
		String authType = this.api.authType().name();
		Cors cors = cors(this.api);
		String consequence = (this.api.authType() == AuthType.NONE) ? PUBLIC : null;
		Optional<GetFunctionUrlConfigResponse> current = find(lambda, function);
		if (current.isEmpty()) {
			return new StepPlan(new ResourceChange(TYPE, function, Action.CREATE,
					List.of(FieldChange.set("AuthType", authType), FieldChange.set("Cors", describe(cors))), consequence),
					() -> context.retrier()
						.run("CreateFunctionUrlConfig " + function, () -> lambda.createFunctionUrlConfig((request) -> request
							.functionName(function)
							.authType(authType)
							.cors(cors)
							.invokeMode(InvokeMode.BUFFERED))));
		}
		List<FieldChange> changes = new ArrayList<>();
		if (!authType.equals(current.get().authTypeAsString())) {
			changes.add(new FieldChange("AuthType", current.get().authTypeAsString(), authType));
		}
		String currentCors = describe(current.get().cors());
		if (!currentCors.equals(describe(cors))) {
			changes.add(new FieldChange("Cors", currentCors, describe(cors)));
		}
		if (changes.isEmpty()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, function, Action.UNCHANGED, List.of(), consequence));
		}
		return new StepPlan(new ResourceChange(TYPE, function, Action.UPDATE, changes, consequence), () -> context
			.retrier()
			.run("UpdateFunctionUrlConfig " + function, () -> lambda
				.updateFunctionUrlConfig((request) -> request.functionName(function).authType(authType).cors(cors))));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String function = context.names().function(ApiFunction.ID);
		LambdaClient lambda = context.clients().lambda();
		if (find(lambda, function).isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, function));
		}
		return new StepPlan(ResourceChange.of(TYPE, function, Action.DELETE, List.of()), () -> context.retrier()
			.run("DeleteFunctionUrlConfig " + function,
					() -> lambda.deleteFunctionUrlConfig((request) -> request.functionName(function))));
	}

	/**
	 * The API function's URL, once it exists.
	 * @param context the run's context
	 * @return the URL, such as {@code https://<id>.lambda-url.<region>.on.aws/}
	 */
	public static Optional<String> url(DeployContext context) {
		return find(context.clients().lambda(), context.names().function(ApiFunction.ID))
			.map(GetFunctionUrlConfigResponse::functionUrl);
	}

	static Cors cors(HttpApiDefinition api) {
		return api.findCors()
			.map((cors) -> Cors.builder()
				.allowOrigins(cors.allowOrigins())
				.allowMethods(cors.allowMethods())
				.allowHeaders(cors.allowHeaders())
				.exposeHeaders(cors.exposeHeaders())
				.allowCredentials(cors.allowCredentials())
				.maxAge((cors.maxAge() != null) ? (int) cors.maxAge().toSeconds() : null)
				.build())
			.orElseGet(() -> Cors.builder().build());
	}

	/**
	 * CORS settings as comparable text; none and empty alike are {@code (none)}.
	 */
	static String describe(@Nullable Cors cors) {
		if (cors == null || !cors.hasAllowOrigins() || cors.allowOrigins().isEmpty()) {
			return "(none)";
		}
		return "origins " + cors.allowOrigins() + ", methods " + list(cors.hasAllowMethods(), cors.allowMethods())
				+ ", headers " + list(cors.hasAllowHeaders(), cors.allowHeaders()) + ", expose "
				+ list(cors.hasExposeHeaders(), cors.exposeHeaders()) + ", credentials "
				+ Boolean.TRUE.equals(cors.allowCredentials()) + ", max-age " + Objects.toString(cors.maxAge(), "-");
	}

	private static List<String> list(boolean present, List<String> values) {
		return present ? values : List.of();
	}

	private static Optional<GetFunctionUrlConfigResponse> find(LambdaClient lambda, String function) {
		try {
			return Optional.of(lambda.getFunctionUrlConfig((request) -> request.functionName(function)));
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

}
