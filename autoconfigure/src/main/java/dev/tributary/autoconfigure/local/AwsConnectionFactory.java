package dev.tributary.autoconfigure.local;

import java.net.URI;

import dev.tributary.aws.AwsConnection;
import dev.tributary.local.emulator.EmbeddedEmulator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link AwsConnection} from Spring Cloud AWS's conventions: a configured endpoint,
 * region and credentials win; else the embedded emulator with dummy credentials; else (only
 * when the emulator or the local runtime is explicitly disabled, as deploy does) AWS itself with
 * the SDK's default credentials and region chains.
 *
 * @author Tributary
 */
final class AwsConnectionFactory {

	static final String[] ENDPOINT_PROPERTIES = { "spring.cloud.aws.endpoint", "spring.cloud.aws.dynamodb.endpoint" };

	static final String DEFAULT_REGION = "us-east-1";

	private AwsConnectionFactory() {
	}

	static AwsConnection create(Environment environment, @Nullable EmbeddedEmulator emulator) {
		String configuredRegion = environment.getProperty("spring.cloud.aws.region.static");
		// Emulators accept any region; for AWS itself the SDK's chain (AWS_REGION, profiles)
		// decides, so a deploy never lands in us-east-1 by accident.
		Region region = StringUtils.hasText(configuredRegion) ? Region.of(configuredRegion.trim())
				: Region.of(DEFAULT_REGION);
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
		Region awsRegion = StringUtils.hasText(configuredRegion) ? region : defaultRegion();
		return new AwsConnection(null, awsRegion,
				(configured != null) ? configured : DefaultCredentialsProvider.builder().build(),
				"AWS itself (no endpoint configured, embedded emulator off)");
	}

	private static Region defaultRegion() {
		try {
			return DefaultAwsRegionProviderChain.builder().build().getRegion();
		}
		catch (SdkClientException ex) {
			throw new IllegalStateException("No AWS region is configured: set spring.cloud.aws.region.static, "
					+ "the AWS_REGION environment variable, or a region in your AWS profile", ex);
		}
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
