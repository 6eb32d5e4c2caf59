package dev.tributary.autoconfigure.local;

import java.net.URI;

import dev.tributary.aws.AwsConnection;
import dev.tributary.local.emulator.EmbeddedEmulator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link AwsConnection} from Spring Cloud AWS's conventions: a configured endpoint,
 * region and credentials win; else the embedded emulator with dummy credentials; else (only
 * when the local runtime is explicitly disabled) AWS itself with the SDK's default credentials.
 *
 * @author Tributary
 */
final class AwsConnectionFactory {

	static final String[] ENDPOINT_PROPERTIES = { "spring.cloud.aws.endpoint", "spring.cloud.aws.dynamodb.endpoint" };

	static final String DEFAULT_REGION = "us-east-1";

	private AwsConnectionFactory() {
	}

	static AwsConnection create(Environment environment, @Nullable EmbeddedEmulator emulator) {
		Region region = Region.of(environment.getProperty("spring.cloud.aws.region.static", DEFAULT_REGION));
		AwsCredentialsProvider configured = configuredCredentials(environment);
		for (String property : ENDPOINT_PROPERTIES) {
			String endpoint = environment.getProperty(property);
			if (StringUtils.hasText(endpoint)) {
				return new AwsConnection(URI.create(endpoint.trim()), region,
						(configured != null) ? configured : DefaultCredentialsProvider.builder().build(),
						"endpoint " + endpoint.trim() + " (" + property + ")");
			}
		}
		if (emulator != null) {
			return new AwsConnection(emulator.getEndpoint(), region,
					(configured != null) ? configured
							: StaticCredentialsProvider.create(AwsBasicCredentials.create("tributary", "tributary")),
					"embedded emulator " + emulator.getDescription());
		}
		return new AwsConnection(null, region,
				(configured != null) ? configured : DefaultCredentialsProvider.builder().build(),
				"AWS (tributary.local.enabled=false and no endpoint configured)");
	}

	private static @Nullable AwsCredentialsProvider configuredCredentials(Environment environment) {
		String accessKey = environment.getProperty("spring.cloud.aws.credentials.access-key");
		String secretKey = environment.getProperty("spring.cloud.aws.credentials.secret-key");
		if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
		}
		return null;
	}

}
