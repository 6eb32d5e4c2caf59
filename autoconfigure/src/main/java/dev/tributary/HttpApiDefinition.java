package dev.tributary;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The application's HTTP API as deploy provisions it: whether there is one, who may call its
 * function URL, its CORS settings, and exactly which actions on which tables and queues its
 * controllers need (docs/http-api.md). Published as a bean from the {@code tributary.api.*}
 * properties.
 *
 * @param enabled whether to deploy the API; {@code null} to deploy it when the application has
 * controllers and the serverless web support
 * @param authType who may call the function URL
 * @param cors the URL's CORS settings, or {@code null} for none
 * @param access the actions the API function's role gets, each on one resource
 * @author Tributary
 */
public record HttpApiDefinition(@Nullable Boolean enabled, AuthType authType, @Nullable Cors cors,
		List<AccessGrant> access) {

	public HttpApiDefinition {
		Assert.notNull(authType, "'authType' must not be null");
		Assert.notNull(access, "'access' must not be null");
		access = List.copyOf(access);
	}

	/**
	 * The CORS settings, if any.
	 * @return the CORS settings
	 */
	public Optional<Cors> findCors() {
		return Optional.ofNullable(this.cors);
	}

	/**
	 * Who may call a function URL.
	 */
	public enum AuthType {

		/** Only callers that sign requests with IAM credentials allowed to invoke the URL. */
		AWS_IAM,

		/** Anyone on the internet: the URL is public. */
		NONE

	}

	/**
	 * The kinds of resource access can be declared for.
	 */
	public enum ResourceKind {

		/** A DynamoDB table; actions are of {@code dynamodb:}. */
		TABLE("dynamodb"),

		/** An SQS queue; actions are of {@code sqs:}. */
		QUEUE("sqs");

		private final String service;

		ResourceKind(String service) {
			this.service = service;
		}

		/**
		 * The IAM service prefix of this kind's actions.
		 * @return the prefix, such as {@code dynamodb}
		 */
		public String service() {
			return this.service;
		}

	}

	/**
	 * Actions the API function may call on one resource.
	 *
	 * @param kind the kind of resource
	 * @param id the id the application declares it by ({@code tributary.api.access.tables.<id>})
	 * @param name the resource's physical name ({@code tributary.tables.<id>.name} or the id)
	 * @param actions the actions without their service prefix, such as {@code PutItem}
	 */
	public record AccessGrant(ResourceKind kind, String id, String name, List<String> actions) {

		public AccessGrant {
			Assert.notNull(kind, "'kind' must not be null");
			Assert.hasText(id, "'id' must not be empty");
			Assert.hasText(name, "'name' must not be empty");
			Assert.notEmpty(actions, "'actions' must not be empty");
			actions = List.copyOf(actions);
		}

		/**
		 * The IAM actions, with the service prefix.
		 * @return the actions, such as {@code dynamodb:PutItem}
		 */
		public List<String> iamActions() {
			return this.actions.stream().map((action) -> this.kind.service() + ":" + action).toList();
		}

	}

	/**
	 * A function URL's CORS settings.
	 *
	 * @param allowOrigins the origins that may call it
	 * @param allowMethods the methods they may use
	 * @param allowHeaders the request headers they may send
	 * @param exposeHeaders the response headers they may read
	 * @param allowCredentials whether they may send cookies and credentials
	 * @param maxAge how long browsers may cache the preflight answer, or {@code null}
	 */
	public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
			List<String> exposeHeaders, boolean allowCredentials, @Nullable Duration maxAge) {

		public Cors {
			allowOrigins = List.copyOf(allowOrigins);
			allowMethods = List.copyOf(allowMethods);
			allowHeaders = List.copyOf(allowHeaders);
			exposeHeaders = List.copyOf(exposeHeaders);
		}

	}

}
