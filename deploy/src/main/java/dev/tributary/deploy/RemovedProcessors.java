package dev.tributary.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ManagedTags;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The processors deploy once made for this app and stage that are no longer in the code,
 * found by the owner tags on their functions, roles and log groups (each carries
 * {@code tributary:resource} {@code <kind>/<processor>}). Only resources whose names have this
 * app's and stage's prefix are read, so the cost is one list call per service plus one tag read
 * per candidate.
 *
 * @author Tributary
 */
final class RemovedProcessors {

	private RemovedProcessors() {
	}

	/**
	 * The removed processors' names.
	 * @param registry the processors in the code
	 * @param context the run's context
	 * @return their names, sorted
	 */
	static Set<String> find(StreamProcessorRegistry registry, DeployContext context) {
		Set<String> found = new TreeSet<>();
		functions(context).forEach(found::add);
		roles(context).forEach(found::add);
		logGroups(context).forEach(found::add);
		DeploySteps.processors(registry).stream().map(DeployedProcessor::name).forEach(found::remove);
		return found;
	}

	private static Set<String> functions(DeployContext context) {
		String prefix = context.names().functionPrefix();
		return context.clients()
			.lambda()
			.listFunctionsPaginator((request) -> {
			})
			.functions()
			.stream()
			.filter((function) -> function.functionName().startsWith(prefix))
			.map(FunctionConfiguration::functionArn)
			.map((arn) -> processor(context, "function/",
					context.clients().lambda().listTags((request) -> request.resource(arn)).tags()))
			.filter((processor) -> !processor.isEmpty())
			.collect(Collectors.toSet());
	}

	private static Set<String> roles(DeployContext context) {
		String prefix = context.names().functionPrefix();
		return context.clients()
			.iam()
			.listRolesPaginator((request) -> {
			})
			.roles()
			.stream()
			.filter((role) -> role.roleName().startsWith(prefix))
			.map((role) -> {
				Map<String, String> tags = context.clients()
					.iam()
					.listRoleTags((request) -> request.roleName(role.roleName()))
					.tags()
					.stream()
					.collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
				String processor = processor(context, "role/", tags);
				// A role of another region (IAM is global) is that region's deploy's to remove.
				return (!processor.isEmpty() && role.roleName().equals(context.names().role(processor, context.region())))
						? processor : "";
			})
			.filter((processor) -> !processor.isEmpty())
			.collect(Collectors.toSet());
	}

	private static Set<String> logGroups(DeployContext context) {
		String prefix = "/aws/lambda/" + context.names().functionPrefix();
		return context.clients()
			.logs()
			.describeLogGroupsPaginator((request) -> request.logGroupNamePrefix(prefix))
			.logGroups()
			.stream()
			.map((group) -> processor(context, "log-group/", context.clients()
				.logs()
				.listTagsLogGroup((request) -> request.logGroupName(group.logGroupName()))
				.tags()))
			.filter((processor) -> !processor.isEmpty())
			.collect(Collectors.toSet());
	}

	/**
	 * The processor a resource was made for, or empty when it is not this app's and stage's.
	 */
	private static String processor(DeployContext context, String kind, Map<String, String> tags) {
		String resource = tags.getOrDefault(ManagedTags.RESOURCE, "");
		if (!context.tags().isManaged(tags) || !resource.startsWith(kind)) {
			return "";
		}
		return resource.substring(kind.length());
	}

}
