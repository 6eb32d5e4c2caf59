package dev.tributary.autoconfigure.local;

import java.net.URI;
import java.net.URISyntaxException;

import dev.tributary.aws.AwsConnection;
import dev.tributary.local.emulator.EmbeddedEmulator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link AwsConnection} (outside Lambda, and for the API function inside it) from Spring Cloud AWS's conventions: a configured endpoint,
 * region and credentials win; else the embedded emulator with dummy credentials; else (only
 * when the emulator or the local runtime is explicitly disabled, as deploy does) AWS itself with
 * the SDK's default credentials and region chains.
 *
 * @author Tributary
 */
public final class AwsConnectionFactory {

	static final String[] ENDPOINT_PROPERTIES = { "spring.cloud.aws.endpoint", "spring.cloud.aws.dynamodb.endpoint" };

	static final String REGION_PROPERTY = "spring.cloud.aws.region.static";

	static final String ACCESS_KEY_PROPERTY = "spring.cloud.aws.credentials.access-key";

	static final String SECRET_KEY_PROPERTY = "spring.cloud.aws.credentials.secret-key";

	static final String DEFAULT_REGION = "us-east-1";

	static final String AWS_ITSELF = "AWS itself";

	private AwsConnectionFactory() {
	}

	public static AwsConnection create(Environment environment, @Nullable EmbeddedEmulator emulator) {
		String configuredRegion = environment.getProperty(REGION_PROPERTY);
		// Emulators accept any region; for AWS itself the SDK's chain (AWS_REGION, profiles)
		// decides, so a deploy never lands in us-east-1 by accident.
		Region region = StringUtils.hasText(configuredRegion) ? Region.of(configuredRegion.trim())
				: Region.of(DEFAULT_REGION);
		AwsCredentialsProvider configured = configuredCredentials(environment);
		for (String property : ENDPOINT_PROPERTIES) {
			String endpoint = environment.getProperty(property);
			if (StringUtils.hasText(endpoint)) {
				String target = "endpoint " + endpoint.trim() + " (" + property + ")";
				return new AwsConnection(endpoint(property, endpoint.trim()), region,
						(configured != null) ? configured : defaultCredentials(target), target);
			}
		}
		if (emulator != null) {
			return new AwsConnection(emulator.getEndpoint(), region,
					(configured != null) ? configured
							: StaticCredentialsProvider.create(AwsBasicCredentials.create("tributary", "tributary")),
					"embedded emulator " + emulator.getDescription());
		}
		Region awsRegion = StringUtils.hasText(configuredRegion) ? region : defaultRegion();
		return new AwsConnection(null, awsRegion,
				(configured != null) ? configured : defaultCredentials(AWS_ITSELF),
				"AWS itself (no endpoint configured, embedded emulator off)");
	}

	/**
	 * The property that configures the endpoint, if one does.
	 * @param environment the environment
	 * @return the property name, or {@code null}
	 */
	static @Nullable String endpointProperty(Environment environment) {
		for (String property : ENDPOINT_PROPERTIES) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return property;
			}
		}
		return null;
	}

	static URI endpoint(String property, String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidAwsEndpointException(property, value, "it is not a URI (" + ex.getReason() + ")");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new InvalidAwsEndpointException(property, value,
					"an endpoint starts with http:// or https://, such as http://localhost:5000");
		}
		if (uri.getHost() == null) {
			throw new InvalidAwsEndpointException(property, value, "it names no host, as http://localhost:5000 does");
		}
		return uri;
	}

	/**
	 * Apply a connection to an SDK client builder, with an interceptor that names the endpoint
	 * and its property when nothing answers there.
	 * @param <B> the builder type
	 * @param builder the builder
	 * @param connection the connection
	 * @param environment the environment the connection came from
	 * @return the builder
	 */
	public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsConnection connection,
			Environment environment) {
		connection.configure(builder);
		URI endpoint = connection.endpoint();
		if (endpoint != null) {
			String property = endpointProperty(environment);
			EndpointFailureInterceptor interceptor = new EndpointFailureInterceptor(endpoint.toString(),
					(property != null) ? property : connection.description());
			builder.overrideConfiguration((configuration) -> configuration.addExecutionInterceptor(interceptor));
		}
		return builder;
	}

	private static AwsCredentialsProvider defaultCredentials(String target) {
		return new ExplainingCredentialsProvider(DefaultCredentialsProvider.builder().build(), target);
	}

	private static Region defaultRegion() {
		try {
			return DefaultAwsRegionProviderChain.builder().build().getRegion();
		}
		catch (SdkClientException ex) {
			throw new MissingAwsRegionException(ex);
		}
	}

	private static @Nullable AwsCredentialsProvider configuredCredentials(Environment environment) {
		String accessKey = environment.getProperty(ACCESS_KEY_PROPERTY);
		String secretKey = environment.getProperty(SECRET_KEY_PROPERTY);
		if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
		}
		return null;
	}

}
