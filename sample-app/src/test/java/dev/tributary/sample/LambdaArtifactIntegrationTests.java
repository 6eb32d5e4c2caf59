package dev.tributary.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tributary.sample.ArtifactJvm.Invocations;
import dev.tributary.test.MotoServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged Lambda zip in a separate JVM, the way Lambda's Java runtime loads it: the
 * zip's root and {@code lib/*} on the classpath, {@code MAIN_CLASS} and
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} in the environment, C1 only. The zip holds the sample's
 * processors: {@code logItems} and {@code forwardItems} (the {@code Items} table's stream),
 * {@code logEvents} (the {@code Events} Kinesis stream), {@code logQueued} (the
 * {@code ItemChanges} queue) and {@code logObjects} (the {@code Files} bucket); the definition
 * selects one, and each takes only its own source's events. The AWS endpoint is moto's ({@code AWS_ENDPOINT_URL}): {@code forwardItems}
 * forwards the table's changes to the {@code ItemChanges} queue there, and {@code logQueued}'s SQS events
 * are built from messages moto delivered.
 */
@ExtendWith(MotoServerExtension.class)
class LambdaArtifactIntegrationTests {

	// 12,670,760 bytes were measured once the jars no Lambda path loads were left out and the jars'
	// entries stored (LambdaZipRepacker); the SQS client and the SDK's client runtime, which
	// forwardItems' fan-out needs inside Lambda, added about 2.3 MB (14,956,630 bytes with the S3
	// processor). The API function's Spring MVC is in its own zip (ApiLambdaArtifactIntegrationTests).
	// The goal is 15 MB (issue 15).
	private static final long MAX_ARTIFACT_BYTES = 15_000_000L;

	private static final String ITEMS_INSERT = "items-insert.json";

	// One record of the Events stream, partition key k1, data "hello".
	private static final String EVENTS_HELLO = "events-hello.json";

	// k1 "hello", then k2 whose data is not UTF-8, then k3 "after".
	private static final String EVENTS_NOT_UTF8 = "events-not-utf8.json";

	// One KPL aggregate: k1 "hello", k2 "world".
	private static final String EVENTS_KPL = "events-kpl-aggregated.json";

	// A KPL aggregate (k1 "first", k2 not UTF-8, k3 "third"), then k4 "after".
	private static final String EVENTS_KPL_NOT_UTF8 = "events-kpl-aggregated-not-utf8.json";

	private static final String NO_FAILURES = "{\"batchItemFailures\":[]}";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String ITEM_CHANGES = MotoServerExtension.uniqueName("ItemChanges");

	private static Path artifact;

	private static ArtifactJvm jvm;

	private static SqsClient sqs;

	private static String itemChangesUrl;

	private static Path unzipped;

	@BeforeAll
	static void createItemChangesQueue() {
		sqs = SqsClient.builder()
			.endpointOverride(MotoServerExtension.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
		itemChangesUrl = sqs.createQueue((request) -> request.queueName(ITEM_CHANGES)).queueUrl();
	}

	@AfterAll
	static void closeClient() {
		sqs.close();
	}

	@BeforeAll
	static void unzipArtifact() throws IOException {
		artifact = ArtifactJvm.PROCESSORS;
		jvm = ArtifactJvm.unpack(artifact, "lambda-artifact-test");
		unzipped = jvm.directory();
	}

	@Test
	void isSmallAndLeavesOutWhatLambdaDoesNotNeed() throws IOException {
		long size = Files.size(artifact);
		System.out.println("Lambda artifact " + artifact.getFileName() + ": " + size + " bytes");
		assertThat(size).isLessThan(MAX_ARTIFACT_BYTES);
		try (var jars = Files.list(unzipped.resolve("lib"))) {
			assertThat(jars.map((jar) -> jar.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("netty") || name.startsWith("tomcat")
						|| name.startsWith("sns-") || name.startsWith("testcontainers")
						|| name.startsWith("apache-client") || name.startsWith("tributary-deploy")
						// The Kinesis client: only the local runtime and EventsController (local only) use it.
						|| name.startsWith("kinesis-"))
				// The API function's Spring MVC, which no processor loads: in the API's zip only.
				.noneMatch((name) -> name.startsWith("spring-web") || name.startsWith("spring-boot-web")
						|| name.startsWith("spring-boot-servlet-") || name.startsWith("jakarta.servlet-api-")
						|| name.startsWith("spring-cloud-function-serverless-web-")
						|| name.startsWith("micrometer-"))
				.anyMatch((name) -> name.startsWith("dynamodb-enhanced-"))
				// forwardItems sends to the ItemChanges queue inside Lambda.
				.anyMatch((name) -> name.startsWith("sqs-"))
				.anyMatch((name) -> name.startsWith("url-connection-client-"));
		}
		assertThat(unzipped.resolve("dev/tributary/sample/SampleApplication.class")).exists();
	}

	@ParameterizedTest
	@MethodSource("zips")
	void holdsJarsWithStoredEntriesSoThatTheZipCompressesTheirClassesTogether(Path zip) throws IOException {
		try (java.util.zip.ZipFile outer = new java.util.zip.ZipFile(zip.toFile())) {
			for (ZipEntry jar : outer.stream().filter((entry) -> entry.getName().endsWith(".jar")).toList()) {
				try (ZipInputStream in = new ZipInputStream(outer.getInputStream(jar))) {
					ZipEntry entry;
					while ((entry = in.getNextEntry()) != null) {
						assertThat(entry.getMethod()).as(jar.getName() + "!" + entry.getName()).isEqualTo(ZipEntry.STORED);
					}
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("zips")
	void isReproducibleEveryEntryCarriesTheFixedBuildTimestamp(Path zip) throws IOException {
		// project.build.outputTimestamp (root pom) fixes every entry's time, so re-packaging
		// unchanged code gives the same bytes, the same CodeSha256, and deploy uploads nothing.
		java.time.Instant fixed = java.time.Instant.parse(System.getProperty("build.outputTimestamp",
				"2026-01-01T00:00:00Z"));
		java.util.List<String> names = new java.util.ArrayList<>();
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			file.stream().forEach((entry) -> {
				names.add(entry.getName());
				assertThat(entry.getLastModifiedTime().toInstant()).as(entry.getName()).isEqualTo(fixed);
			});
		}
		assertThat(names).isNotEmpty();
	}

	@Test
	void theApiZipIsTheProcessorsZipAndSpringMvcWithoutAServer() throws IOException {
		assertThat(Files.size(ArtifactJvm.API)).isGreaterThan(Files.size(artifact));
		List<String> processors = libraries(artifact);
		List<String> api = libraries(ArtifactJvm.API);
		assertThat(api).containsAll(processors);
		assertThat(api.stream().filter((jar) -> !processors.contains(jar)).map((jar) -> jar.replaceAll("-[0-9].*", "")))
			.containsExactlyInAnyOrder("spring-web", "spring-webmvc", "spring-boot-webmvc", "spring-boot-servlet",
					"spring-boot-web-server", "spring-boot-http-converter", "spring-cloud-function-serverless-web",
					"jakarta.servlet-api", "micrometer-observation", "micrometer-commons");
	}

	@Test
	void theProcessorsStartFromBeanDefinitionsGeneratedAheadOfTimeAndTheApiDoesNot() throws Exception {
		try (java.util.zip.ZipFile processors = new java.util.zip.ZipFile(artifact.toFile());
				java.util.zip.ZipFile api = new java.util.zip.ZipFile(ArtifactJvm.API.toFile())) {
			assertThat(new String(processors.getInputStream(processors.getEntry("spring.properties")).readAllBytes(),
					java.nio.charset.StandardCharsets.ISO_8859_1))
				.contains("spring.aot.enabled=true");
			assertThat(processors.getEntry("dev/tributary/sample/SampleApplication__ApplicationContextInitializer.class"))
				.isNotNull();
			assertThat(api.getEntry("spring.properties")).isNull();
		}
		assertThat(invoke("logItems", ITEMS_INSERT).output()).contains("Starting AOT-processed SampleApplication");
	}

	static List<Path> zips() {
		return List.of(ArtifactJvm.PROCESSORS, ArtifactJvm.API);
	}

	private static List<String> libraries(Path zip) throws IOException {
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			return file.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("lib/") && name.endsWith(".jar"))
				.map((name) -> name.substring("lib/".length()))
				.toList();
		}
	}

	@Test
	void processesAnEventInASeparateJvm() throws Exception {
		Invocations invocations = invoke("logItems", ITEMS_INSERT);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + NO_FAILURES);
		assertThat(invocations.output()).contains("INSERT: one -> first")
			.doesNotContain("Tomcat")
			.doesNotContain("Netty");
		System.out.println("Lambda artifact: " + invocations.responseMillis() + " ms from process start to response");
	}

	@Test
	void forwardsATableChangeToTheItemChangesQueueAsTheJsonOfAStreamChange() throws Exception {
		Invocations invocations = invoke("forwardItems", ITEMS_INSERT);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + NO_FAILURES);
		List<Message> forwarded = sqs.receiveMessage((request) -> request.queueUrl(itemChangesUrl)
			.maxNumberOfMessages(10)
			.waitTimeSeconds(1)).messages();
		assertThat(forwarded).singleElement()
			.satisfies((message) -> assertThat(json.readTree(message.body())).isEqualTo(json.readTree("""
					{"eventName":"INSERT","keys":{"id":"one"},"newImage":{"id":"one","content":"first"},
					"sequenceNumber":"100000000000000000001","approximateCreationTime":"2023-11-14T22:13:20Z",
					"eventSourceArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2024-01-01T00:00:00.000"}
					""")));
	}

	@Test
	void aQueueThatCannotBeReachedFailsTheForwardedRecordByItsSequenceNumber() throws Exception {
		// The queue of another name does not exist in moto: the send fails, and the record is
		// reported for Lambda to retry, not dropped.
		Invocations invocations = invokeWith(List.of("-Dtributary.queues.ItemChanges.name="
				+ MotoServerExtension.uniqueName("missing")), "forwardItems", ITEMS_INSERT);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE
				+ "{\"batchItemFailures\":[{\"itemIdentifier\":\"100000000000000000001\"}]}");
	}

	@Test
	void theQueueProcessorReportsAnUnreadableMessageAndEveryMessageAfterItByMessageId() throws Exception {
		String queue = MotoServerExtension.uniqueName("changes");
		String url = sqs.createQueue((request) -> request.queueName(queue)).queueUrl();
		for (String body : List.of(change("INSERT", "one", "first"), "not a change", change("MODIFY", "one", "second"))) {
			sqs.sendMessage((request) -> request.queueUrl(url).messageBody(body));
		}
		List<Message> messages = receive(url, 3);
		Path event = sqsEvent(queue, messages);

		Invocations invocations = invoke("logQueued", event.toString());

		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + failures(messages.get(1),
				messages.get(2)));
		assertThat(invocations.output()).contains("QUEUED: INSERT one -> first")
			.doesNotContain("QUEUED: MODIFY")
			.doesNotContain("not a change");
	}

	@Test
	void onAFifoQueueEveryMessageAfterTheFirstFailureIsReportedSoNoGroupSkipsAhead() throws Exception {
		String queue = MotoServerExtension.uniqueName("changes") + ".fifo";
		String url = sqs.createQueue((request) -> request.queueName(queue)
			.attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
					QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
			.queueUrl();
		List<List<String>> sends = List.of(List.of("a", change("INSERT", "one", "first")),
				List.of("b", change("INSERT", "two", "second")), List.of("a", "{\"eventName\":\"SPLIT\"}"),
				List.of("b", change("MODIFY", "two", "third")));
		for (List<String> send : sends) {
			sqs.sendMessage((request) -> request.queueUrl(url).messageGroupId(send.get(0)).messageBody(send.get(1)));
		}
		List<Message> messages = receive(url, 4);
		assertThat(messages).extracting((message) -> message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
			.containsExactly("a", "b", "a", "b");

		Invocations invocations = invoke("logQueued", sqsEvent(queue, messages).toString());

		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + failures(messages.get(2),
				messages.get(3)));
		assertThat(invocations.output()).contains("QUEUED: INSERT one -> first", "QUEUED: INSERT two -> second")
			.doesNotContain("QUEUED: MODIFY two");
	}

	@Test
	void theBucketsProcessorAnswersNotificationsMotoQueuedAndTheSameEventSentDirectly() throws Exception {
		S3Client s3 = S3Client.builder()
			.endpointOverride(MotoServerExtension.endpoint())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
		String bucket = MotoServerExtension.uniqueName("files").toLowerCase();
		String queue = MotoServerExtension.uniqueName("files-events");
		String url = sqs.createQueue((request) -> request.queueName(queue)).queueUrl();
		String queueArn = sqs.getQueueAttributes((request) -> request.queueUrl(url)
			.attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
		s3.createBucket((request) -> request.bucket(bucket));
		s3.putBucketNotificationConfiguration((request) -> request.bucket(bucket)
			.notificationConfiguration((config) -> config.queueConfigurations((entry) -> entry.id("files")
				.queueArn(queueArn)
				.eventsWithStrings("s3:ObjectCreated:*"))));
		s3.putObject((request) -> request.bucket(bucket).key("my notes é.txt"),
				software.amazon.awssdk.core.sync.RequestBody.fromString("hello"));
		s3.close();
		// The test event S3 sends when the notification is set, then the object's event.
		List<Message> messages = receive(url, 2);
		assertThat(messages.get(0).body()).contains("s3:TestEvent");
		assertThat(messages.get(1).body()).contains("my+notes+%C3%A9.txt");
		Path direct = Files.createTempFile(unzipped.getParent(), "s3-event-", ".json");
		Files.writeString(direct, messages.get(1).body());

		Invocations invocations = invoke("logObjects", sqsEvent(queue, messages).toString(), direct.toString());

		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + NO_FAILURES,
				LambdaArtifactMain.RESPONSE + NO_FAILURES);
		assertThat(invocations.output().split("\\R")).filteredOn((line) -> line.contains("OBJECT: "))
			.hasSize(2)
			.allSatisfy((line) -> assertThat(line).endsWith("OBJECT: ObjectCreated:Put my notes é.txt (5 bytes)"));
	}

	private static String change(String eventName, String id, String content) {
		return "{\"eventName\":\"" + eventName + "\",\"keys\":{\"id\":\"" + id + "\"},\"newImage\":{\"id\":\"" + id
				+ "\",\"content\":\"" + content + "\"},\"sequenceNumber\":\"1\"}";
	}

	private static List<Message> receive(String url, int count) {
		List<Message> messages = new ArrayList<>();
		while (messages.size() < count) {
			messages.addAll(sqs.receiveMessage((request) -> request.queueUrl(url)
				.maxNumberOfMessages(10)
				.messageSystemAttributeNames(MessageSystemAttributeName.ALL)
				.messageAttributeNames("All")
				.waitTimeSeconds(1)).messages());
		}
		return messages;
	}

	/**
	 * The SQS event Lambda's poller would send for these messages of a queue.
	 */
	private static Path sqsEvent(String queue, List<Message> messages) throws IOException {
		ObjectNode event = json.createObjectNode();
		ArrayNode records = event.putArray("Records");
		for (Message message : messages) {
			ObjectNode record = records.addObject();
			record.put("messageId", message.messageId());
			record.put("receiptHandle", message.receiptHandle());
			record.put("body", message.body());
			ObjectNode attributes = record.putObject("attributes");
			message.attributesAsStrings().forEach(attributes::put);
			record.putObject("messageAttributes");
			record.put("md5OfBody", message.md5OfBody());
			record.put("eventSource", "aws:sqs");
			record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:" + queue);
			record.put("awsRegion", "us-east-1");
		}
		Path file = Files.createTempFile(unzipped.getParent(), "sqs-event-", ".json");
		Files.writeString(file, json.writeValueAsString(event));
		return file;
	}

	private static String failures(Message... messages) {
		StringBuilder failures = new StringBuilder("{\"batchItemFailures\":[");
		for (int i = 0; i < messages.length; i++) {
			failures.append((i > 0) ? "," : "").append("{\"itemIdentifier\":\"").append(messages[i].messageId()).append("\"}");
		}
		return failures.append("]}").toString();
	}

	@Test
	void logsAKinesisRecordOfTheEventsStreamAndAnswersNoFailures() throws Exception {
		Invocations invocations = invoke("logEvents", EVENTS_HELLO);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + NO_FAILURES);
		assertThat(invocations.output()).contains("EVENT: k1 -> hello");
	}

	@Test
	void reportsAKinesisRecordWhosePayloadIsNotUtf8TextByItsSequenceNumber() throws Exception {
		// logEvents reads KinesisRecord<String>: a payload that is not UTF-8 cannot be mapped to
		// String, which fails that record (not the batch) without changing what the sample does
		// with text. The record before it is processed; it and the one after are retried.
		Invocations invocations = invoke("logEvents", EVENTS_NOT_UTF8);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE
				+ "{\"batchItemFailures\":[{\"itemIdentifier\":\"49668823019349811620712395467417556384584825637287608322\"}]}");
		assertThat(invocations.output()).contains("EVENT: k1 -> hello")
			.contains("its payload of 11 bytes cannot be mapped to java.lang.String: the payload is not valid UTF-8 text")
			.doesNotContain("EVENT: k2")
			.doesNotContain("EVENT: k3");
	}

	@Test
	void deAggregatesKplRecordsAndReportsAFailedUserRecordByItsAggregatesSequenceNumber() throws Exception {
		// Lambda checkpoints by sequence number only, which the user records of an aggregate
		// share: the whole aggregate is retried, and the record after it is not processed.
		Invocations invocations = invoke("logEvents", EVENTS_KPL, EVENTS_KPL_NOT_UTF8);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.RESPONSE + NO_FAILURES,
				LambdaArtifactMain.RESPONSE
						+ "{\"batchItemFailures\":[{\"itemIdentifier\":\"49668823019349811620712395467419974236224055033075974146\"}]}");
		assertThat(invocations.output()).contains("EVENT: k1 -> hello", "EVENT: k2 -> world", "EVENT: k1 -> first",
				"Record 49668823019349811620712395467419974236224055033075974146/1 of shard shardId-000000000000")
			.doesNotContain("EVENT: k3")
			.doesNotContain("EVENT: k4");
	}

	@Test
	void theEventsFunctionRejectsADynamoDbEventAndStillServesKinesisEvents() throws Exception {
		Invocations invocations = invoke("logEvents", ITEMS_INSERT, EVENTS_HELLO);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.ERROR
				+ "dev.tributary.lambda.KinesisStreamEventException: Processor 'logEvents' reads a Kinesis stream and "
				+ "cannot take this event. Expected a Kinesis event ({\"Records\": [...]} with event source "
				+ "'aws:kinesis') but got an event whose first record's event source is 'aws:dynamodb'. Check the "
				+ "function's event source mapping: this function's processor reads a Kinesis stream",
				LambdaArtifactMain.RESPONSE + NO_FAILURES);
		assertThat(invocations.output()).doesNotContain("INSERT: one").contains("EVENT: k1 -> hello");
	}

	@Test
	void theItemsFunctionRejectsAKinesisEventAndStillServesDynamoDbEvents() throws Exception {
		Invocations invocations = invoke("logItems", EVENTS_HELLO, ITEMS_INSERT);
		assertThat(invocations.results()).containsExactly(LambdaArtifactMain.ERROR
				+ "dev.tributary.lambda.DynamoDbStreamEventException: Processor 'logItems' reads DynamoDB Streams and "
				+ "cannot take this event. This looks like a Kinesis event (eventSource 'aws:kinesis'), not a DynamoDB "
				+ "Streams event ({\"Records\": [...]} with eventSource aws:dynamodb); the invocation fails as a whole "
				+ "so that Lambda retries the batch and nothing is lost", LambdaArtifactMain.RESPONSE + NO_FAILURES);
		assertThat(invocations.output()).doesNotContain("EVENT: k1").contains("INSERT: one -> first");
	}

	@Test
	void withTwoProcessorsAndNoFunctionDefinitionEveryInvocationFailsNamingTheProperty() throws Exception {
		// Spring Cloud Function picks a function by itself only when there is one; deploy always
		// sets SPRING_CLOUD_FUNCTION_DEFINITION (LambdaHandlers).
		Invocations invocations = invoke(null, EVENTS_HELLO);
		assertThat(invocations.results()).singleElement()
			.asString()
			.startsWith(LambdaArtifactMain.ERROR)
			.contains("'spring.cloud.function.definition'");
		assertThat(invocations.output()).doesNotContain("EVENT: k1")
			.doesNotContain(LambdaArtifactMain.RESPONSE)
			.contains("Multiple functional beans were found");
	}

	/**
	 * Runs the artifact in a new JVM, as Lambda's Java runtime loads it, and invokes the handler
	 * once per event.
	 * @param definition the SPRING_CLOUD_FUNCTION_DEFINITION, or {@code null} to leave it unset
	 * @param events the events: files under src/test/resources/events, or absolute paths
	 */
	private static Invocations invoke(@Nullable String definition, String... events) throws Exception {
		return invokeWith(List.of("-Dtributary.queues.ItemChanges.name=" + ITEM_CHANGES), definition, events);
	}

	/**
	 * Runs the artifact in a new JVM with these system properties.
	 */
	private static Invocations invokeWith(List<String> properties, @Nullable String definition, String... events)
			throws Exception {
		List<String> all = new ArrayList<>(List.of("-Dtributary.lambda.enabled=true"));
		all.addAll(properties);
		// What Lambda gives a function, with moto as the AWS endpoint.
		Map<String, String> environment = new HashMap<>();
		environment.put("MAIN_CLASS", SampleApplication.class.getName());
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		environment.put("AWS_ENDPOINT_URL", MotoServerExtension.endpoint().toString());
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_ACCESS_KEY_ID", "test");
		environment.put("AWS_SECRET_ACCESS_KEY", "test");
		return jvm.run(all, environment, LambdaArtifactMain.class, events);
	}

}
