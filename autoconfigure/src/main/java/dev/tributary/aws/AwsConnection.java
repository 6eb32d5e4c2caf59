package dev.tributary.aws;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.Assert;

/**
 * Where and as whom Tributary's AWS clients connect: an endpoint override (an emulator, or
 * {@code null} for AWS itself), a region and a credentials provider. Every client Tributary
 * builds (streams, tables, queues, deploy's IAM and Lambda clients) is configured from the one
 * {@code AwsConnection} bean, so an application never talks to two places at once.
 *
 * @param endpoint the endpoint override, or {@code null} to use AWS's regional endpoints
 * @param region the region
 * @param credentialsProvider the credentials provider
 * @param description where this connection came from, for log lines (never credentials)
 * @author Tributary
 */
public record AwsConnection(@Nullable URI endpoint, Region region, AwsCredentialsProvider credentialsProvider,
		String description) {

	public AwsConnection {
		Assert.notNull(region, "'region' must not be null");
		Assert.notNull(credentialsProvider, "'credentialsProvider' must not be null");
		Assert.hasText(description, "'description' must not be empty");
	}

	/**
	 * The endpoint override, if any.
	 * @return the endpoint, empty when connecting to AWS itself
	 */
	public Optional<URI> findEndpoint() {
		return Optional.ofNullable(this.endpoint);
	}

	/**
	 * Apply this connection to an SDK client builder.
	 * @param <B> the builder type
	 * @param builder the builder
	 * @return the builder
	 */
	public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
		Assert.notNull(builder, "'builder' must not be null");
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		return builder.region(this.region).credentialsProvider(this.credentialsProvider);
	}

	@Override
	public String toString() {
		return "AwsConnection[" + this.description + ", region=" + this.region
				+ ((this.endpoint != null) ? ", endpoint=" + this.endpoint : "") + "]";
	}

}
