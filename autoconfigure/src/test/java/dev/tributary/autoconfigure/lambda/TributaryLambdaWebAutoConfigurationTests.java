package dev.tributary.autoconfigure.lambda;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.function.serverless.web.ServerlessMVC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TributaryLambdaWebAutoConfiguration}: the API function's AWS clients, and nothing for
 * processor functions or outside Lambda.
 */
class TributaryLambdaWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLambdaWebAutoConfiguration.class))
		.withPropertyValues("tributary.lambda.enabled=true", "spring.cloud.aws.endpoint=http://127.0.0.1:5999",
				"spring.cloud.aws.region.static=eu-west-1");

	@Test
	void givesTheApiFunctionADynamoDbClientForTheConfiguredEndpointAndRegion() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DynamoDbClient.class);
			DynamoDbClient client = context.getBean(DynamoDbClient.class);
			assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
			assertThat(client.serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
					(endpoint) -> assertThat(endpoint.toString()).isEqualTo("http://127.0.0.1:5999"));
		});
	}

	@Test
	void givesAProcessorFunctionNoClientSinceItIsNotAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TributaryLambdaWebAutoConfiguration.class))
			.withPropertyValues("tributary.lambda.enabled=true", "spring.cloud.aws.endpoint=http://127.0.0.1:5999")
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDbClient.class));
	}

	@Test
	void backsOffOutsideLambda() {
		this.runner.withPropertyValues("tributary.lambda.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDbClient.class));
	}

	@Test
	void backsOffWithoutTheServerlessWebSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(ServerlessMVC.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDbClient.class));
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwnClient() {
		this.runner.withBean("myClient", DynamoDbClient.class, () -> DynamoDbClient.builder()
			.region(software.amazon.awssdk.regions.Region.US_EAST_1)
			.credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
			.httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
			.build()).run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class).hasBean("myClient"));
	}

}
