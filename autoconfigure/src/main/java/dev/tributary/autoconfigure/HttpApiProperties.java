package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.HttpApiDefinition.AuthType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the application's HTTP API as a Lambda function with a URL
 * (docs/http-api.md). Read by deploy; valid everywhere, so that the application's own properties
 * file can hold them.
 *
 * @author Tributary
 */
@ConfigurationProperties(prefix = HttpApiProperties.PREFIX)
public class HttpApiProperties {

	/** Prefix of the HTTP API properties. */
	public static final String PREFIX = "tributary.api";

	/**
	 * Whether deploy provisions the HTTP API (a function with a URL). When not set, it does when
	 * the application has controllers and spring-cloud-function-serverless-web.
	 */
	private @Nullable Boolean enabled;

	private final Url url = new Url();

	private final Access access = new Access();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public Url getUrl() {
		return this.url;
	}

	public Access getAccess() {
		return this.access;
	}

	/**
	 * The function URL.
	 */
	public static class Url {

		/**
		 * Who may call the URL: AWS_IAM (callers signing with IAM credentials allowed to invoke it)
		 * or NONE (anyone on the internet).
		 */
		private AuthType authType = AuthType.AWS_IAM;

		private final Cors cors = new Cors();

		public AuthType getAuthType() {
			return this.authType;
		}

		public void setAuthType(AuthType authType) {
			this.authType = authType;
		}

		public Cors getCors() {
			return this.cors;
		}

	}

	/**
	 * The URL's CORS settings; none unless allowed origins are set.
	 */
	public static class Cors {

		/** Origins that may call the URL from a browser, such as https://example.com or *. */
		private List<String> allowedOrigins = new ArrayList<>();

		/** HTTP methods browsers may use, such as GET and PUT, or *. */
		private List<String> allowedMethods = new ArrayList<>();

		/** Request headers browsers may send. */
		private List<String> allowedHeaders = new ArrayList<>();

		/** Response headers browsers may read. */
		private List<String> exposedHeaders = new ArrayList<>();

		/** Whether browsers may send cookies and credentials. */
		private boolean allowCredentials;

		/** How long browsers may cache a preflight answer (at most 24 hours). */
		private @Nullable Duration maxAge;

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public List<String> getAllowedMethods() {
			return this.allowedMethods;
		}

		public void setAllowedMethods(List<String> allowedMethods) {
			this.allowedMethods = allowedMethods;
		}

		public List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public List<String> getExposedHeaders() {
			return this.exposedHeaders;
		}

		public void setExposedHeaders(List<String> exposedHeaders) {
			this.exposedHeaders = exposedHeaders;
		}

		public boolean isAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	/**
	 * What the API function's role may do: exactly these actions on exactly these resources.
	 */
	public static class Access {

		/**
		 * DynamoDB actions per table id, without the service prefix, such as
		 * Items=PutItem,GetItem. The table's name is tributary.tables.&lt;id&gt;.name or the id.
		 */
		private Map<String, List<String>> tables = new LinkedHashMap<>();

		/**
		 * SQS actions per queue id, without the service prefix, such as Orders=SendMessage. The
		 * queue's name is tributary.queues.&lt;id&gt;.name or the id.
		 */
		private Map<String, List<String>> queues = new LinkedHashMap<>();

		public Map<String, List<String>> getTables() {
			return this.tables;
		}

		public void setTables(Map<String, List<String>> tables) {
			this.tables = tables;
		}

		public Map<String, List<String>> getQueues() {
			return this.queues;
		}

		public void setQueues(Map<String, List<String>> queues) {
			this.queues = queues;
		}

	}

}
