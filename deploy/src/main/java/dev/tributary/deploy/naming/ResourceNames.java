package dev.tributary.deploy.naming;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Names of the resources deploy creates for one application and stage. Every name starts with
 * the application and stage so that stages never share a resource, and stays within AWS's limits
 * (function and role 64 characters, bucket 63 lowercase characters).
 *
 * @author Tributary
 */
public final class ResourceNames {

	/** Longest function name Lambda accepts. */
	public static final int FUNCTION_MAX = 64;

	/** Longest role name IAM accepts. */
	public static final int ROLE_MAX = 64;

	/** Longest bucket name S3 accepts. */
	public static final int BUCKET_MAX = 63;

	/** Longest queue name SQS accepts. */
	public static final int QUEUE_MAX = 80;

	/** Name of the inline policy deploy puts on each role. */
	public static final String POLICY_NAME = "tributary-stream-processor";

	private final String app;

	private final String stage;

	/**
	 * Names for an application and stage.
	 * @param appName the application name
	 * @param stage the stage
	 */
	public ResourceNames(String appName, String stage) {
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.hasText(stage, "'stage' must not be empty");
		this.app = sanitize(appName);
		this.stage = sanitize(stage);
	}

	/**
	 * Name of a processor's function.
	 * @param processor the processor name
	 * @return the function name
	 */
	public String function(String processor) {
		return NameShortener.shorten(this.app + "-" + this.stage + "-" + sanitize(processor), FUNCTION_MAX);
	}

	/**
	 * Name of a processor's role. IAM is global, so the region is part of the name: one stage
	 * deployed to two regions gets two roles.
	 * @param processor the processor name
	 * @param region the region
	 * @return the role name
	 */
	public String role(String processor, String region) {
		return NameShortener.shorten(this.app + "-" + this.stage + "-" + sanitize(processor) + "-" + region, ROLE_MAX);
	}

	/**
	 * Name of this stage's on-failure queue for a queue name given by the application, so that
	 * two stages (or apps) naming the same queue each get their own.
	 * @param queue the queue name the application gives
	 * @return the physical queue name
	 */
	public String queue(String queue) {
		Assert.hasText(queue, "'queue' must not be empty");
		return NameShortener.shorten(this.app + "-" + this.stage + "-" + queue, QUEUE_MAX);
	}

	/**
	 * Start of every function name of this application and stage.
	 * @return the prefix
	 */
	public String functionPrefix() {
		return this.app + "-" + this.stage + "-";
	}

	/**
	 * Name of a processor's log group, the one Lambda writes to by default.
	 * @param processor the processor name
	 * @return the log group name
	 */
	public String logGroup(String processor) {
		return "/aws/lambda/" + function(processor);
	}

	/**
	 * Name of the artifact bucket. Bucket names are global across accounts, hence the account and
	 * region.
	 * @param accountId the account id
	 * @param region the region
	 * @return the bucket name
	 */
	public String bucket(String accountId, String region) {
		return NameShortener.shorten("tributary-" + this.app + "-" + this.stage + "-" + accountId + "-" + region,
				BUCKET_MAX);
	}

	/**
	 * Turn a name into lowercase letters, digits and dashes; camel case becomes kebab case.
	 * @param name the name
	 * @return the sanitized name
	 */
	static String sanitize(String name) {
		String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		String cleaned = kebab.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		Assert.hasText(cleaned, () -> "'" + name + "' has no letter or digit to name a resource with");
		return cleaned;
	}

}
