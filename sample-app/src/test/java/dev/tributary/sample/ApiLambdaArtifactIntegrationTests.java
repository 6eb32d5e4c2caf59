package dev.tributary.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged Lambda zip's API function in a separate JVM, the way Lambda's Java runtime
 * loads it (the zip's root and {@code lib/*} on the classpath, {@code MAIN_CLASS}, the Lambda
 * environment variables, C1 only), with the handler
 * {@link dev.tributary.lambda.web.FunctionUrlHandler} and the AWS endpoint at moto: the
 * walkthrough's requests as function URL events.
 */
@ExtendWith(MotoServerExtension.class)
class ApiLambdaArtifactIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Path unzipped;

	private static DynamoDbClient dynamoDb;

	private static String table;

	@BeforeAll
	static void unzipArtifactAndCreateTheTable() throws IOException {
		Path artifact = Path.of(System.getProperty("lambda.artifact"));
		unzipped = artifact.resolveSibling("lambda-artifact-api-test");
		FileSystemUtils.deleteRecursively(unzipped);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				Path target = unzipped.resolve(entry.getName()).normalize();
				assertThat(target.startsWith(unzipped)).as(entry.getName()).isTrue();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
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
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+TieredCompilation",
				"-XX:TieredStopAtLevel=1", "-Dtributary.tables.Items.name=" + table,
				"-Dspring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(), "-cp", classpath(),
				ApiLambdaArtifactMain.class.getName()));
		for (String event : events) {
			command.add(Path.of("src/test/resources/events", event).toAbsolutePath().toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		// What Lambda sets for a function; the credentials are the role's there, moto's here.
		environment.put("MAIN_CLASS", SampleApplication.class.getName());
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "tributary-sample-dev-api");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_ACCESS_KEY_ID", "test");
		environment.put("AWS_SECRET_ACCESS_KEY", "test");
		long start = System.nanoTime();
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		List<String> results = new ArrayList<>();
		long responseMillis = -1;
		try (BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = stdout.readLine()) != null) {
				if (line.startsWith(LambdaArtifactMain.RESPONSE) || line.startsWith(LambdaArtifactMain.ERROR)) {
					if (responseMillis < 0) {
						responseMillis = (System.nanoTime() - start) / 1_000_000;
					}
					results.add(line);
				}
				output.append(line).append(System.lineSeparator());
			}
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		System.out.println(output);
		assertThat(process.exitValue()).as(output.toString()).isZero();
		return new Invocations(output.toString(), results, responseMillis);
	}

	private static String classpath() {
		return String.join(java.io.File.pathSeparator, unzipped.toString(), unzipped.resolve("lib").toString() + "/*",
				Path.of("target/test-classes").toAbsolutePath().toString());
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * What one JVM running the artifact printed.
	 *
	 * @param output everything it printed
	 * @param results one line per invocation: the response or the error, in order
	 * @param responseMillis time from process start to the first result
	 */
	private record Invocations(String output, List<String> results, long responseMillis) {

	}

}
