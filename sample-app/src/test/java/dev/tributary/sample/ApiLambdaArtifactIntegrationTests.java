package dev.tributary.sample;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.sample.ArtifactJvm.Invocations;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the API function's Lambda zip ({@code *-api-lambda.zip}: the processors' zip and Spring
 * MVC without a server) in a separate JVM, the way Lambda's Java runtime loads it (the zip's root
 * and {@code lib/*} on the classpath, {@code MAIN_CLASS}, the Lambda environment variables, C1
 * only), with the handler
 * {@link dev.tributary.lambda.web.FunctionUrlHandler} and the AWS endpoint at moto: the
 * walkthrough's requests as function URL events.
 */
@ExtendWith(MotoServerExtension.class)
class ApiLambdaArtifactIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ArtifactJvm artifact;

	private static DynamoDbClient dynamoDb;

	private static String table;

	@BeforeAll
	static void unzipArtifactAndCreateTheTable() throws IOException {
		artifact = ArtifactJvm.unpack(ArtifactJvm.API, "lambda-artifact-api-test");
		dynamoDb = DynamoDbClient.builder()
			.endpointOverride(MotoServerExtension.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
		table = MotoServerExtension.uniqueName("Items");
		dynamoDb.createTable((request) -> request.tableName(table)
			.keySchema((key) -> key.attributeName("id").keyType(KeyType.HASH))
			.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	@Test
	void servesTheWalkthroughsRequestsAndWritesTheItemToTheTable() throws Exception {
		Invocations invocations = invoke("api-put-items-one.json", "api-get-items-one.json", "api-get-items-none.json");
		assertThat(invocations.results()).hasSize(3).allMatch((result) -> result.startsWith(LambdaArtifactMain.RESPONSE));
		JsonNode put = response(invocations.results().get(0));
		assertThat(put.get("statusCode").intValue()).isEqualTo(200);
		assertThat(json.readTree(put.get("body").stringValue()).get("content").stringValue()).isEqualTo("first");
		Map<String, AttributeValue> item = dynamoDb
			.getItem((request) -> request.tableName(table).key(Map.of("id", AttributeValue.fromS("one"))))
			.item();
		assertThat(item).containsEntry("content", AttributeValue.fromS("first"));
		JsonNode get = response(invocations.results().get(1));
		assertThat(get.get("statusCode").intValue()).isEqualTo(200);
		assertThat(get.get("isBase64Encoded").booleanValue()).isFalse();
		JsonNode body = json.readTree(get.get("body").stringValue());
		assertThat(body.get("id").stringValue()).isEqualTo("one");
		assertThat(body.get("content").stringValue()).isEqualTo("first");
		assertThat(response(invocations.results().get(2)).get("statusCode").intValue()).isEqualTo(404);
		assertThat(invocations.output()).doesNotContain("Tomcat").doesNotContain("Netty");
		System.out.println("API function: " + invocations.responseMillis() + " ms from process start to the first response");
	}

	@Test
	void failsAnInvocationWithAnotherSourcesEventNamingWhatItExpectsAndStillServesRequests() throws Exception {
		Invocations invocations = invoke("items-insert.json", "api-get-items-none.json");
		assertThat(invocations.results()).hasSize(2);
		assertThat(invocations.results().get(0)).startsWith(LambdaArtifactMain.ERROR
				+ "dev.tributary.lambda.web.FunctionUrlEventException: The API function takes function URL requests")
			.contains("another source (Records with eventSource 'aws:dynamodb')");
		assertThat(response(invocations.results().get(1)).get("statusCode").intValue()).isEqualTo(404);
	}

	private static JsonNode response(String result) {
		return json.readTree(result.substring(LambdaArtifactMain.RESPONSE.length()));
	}

	private static Invocations invoke(String... events) throws Exception {
		// What Lambda sets for a function; the credentials are the role's there, moto's here.
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		environment.put("MAIN_CLASS", SampleApplication.class.getName());
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "tributary-sample-dev-api");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_ACCESS_KEY_ID", "test");
		environment.put("AWS_SECRET_ACCESS_KEY", "test");
		return artifact.run(List.of("-Dtributary.tables.Items.name=" + table,
				"-Dspring.cloud.aws.endpoint=" + MotoServerExtension.endpoint()), environment,
				ApiLambdaArtifactMain.class, events);
	}

}
