package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.tributary.ProcessorOptions;
import dev.tributary.S3BucketDescriptor;
import dev.tributary.S3Delivery;
import dev.tributary.S3EventBinding;
import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessors;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime feeding S3 event processors from moto_server: the bucket, the notification
 * queue and the bucket's notification are created, objects put there reach the processor as
 * typed records with their keys decoded, S3's test event never does, the bucket's other
 * notifications are kept, and a record that keeps failing ends in the dead-letter queue.
 */
@ExtendWith(MotoServerExtension.class)
class S3LocalRuntimeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final List<S3EventRecord> seen = LocalRuntimeFixture.synchronizedList();

	@Test
	void anObjectPutInTheBucketReachesTheProcessorWithItsKeyDecodedAndTheTestEventDoesNot() {
		S3BucketDescriptor bucket = bucket();
		start("logObjects", binding(bucket, "logObjects", "", ""), collect());
		put(bucket, "my notes é.txt", "hello");
		await().atMost(WAIT).until(() -> this.seen.size() >= 1);
		assertThat(this.seen).singleElement().satisfies((record) -> {
			assertThat(record.eventName()).isEqualTo("ObjectCreated:Put");
			assertThat(record.bucket()).isEqualTo(bucket.name());
			assertThat(record.key()).isEqualTo("my notes é.txt");
			assertThat(record.size()).isEqualTo(5);
			assertThat(record.eTag()).isNotBlank();
		});
		SqsQueueDescriptor queue = S3EventBinding.notificationQueue(bucket, "logObjects", 5);
		String url = this.fixture.sqs.getQueueUrl((request) -> request.queueName(queue.name())).queueUrl();
		await().atMost(WAIT).until(() -> this.fixture.sqs.getQueueAttributes((request) -> request.queueUrl(url)
			.attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
			.attributesAsStrings()
			.values()
			.stream()
			.allMatch("0"::equals));
	}

	@Test
	void onlyKeysWithThePrefixAndSuffixReachTheProcessor() {
		S3BucketDescriptor bucket = bucket();
		start("logReports", binding(bucket, "logReports", "reports/", ".csv"), collect());
		put(bucket, "reports/skip.txt", "x");
		put(bucket, "other/skip.csv", "x");
		put(bucket, "reports/2026.csv", "a,b");
		await().atMost(WAIT).until(() -> this.seen.size() >= 1);
		assertThat(this.seen).extracting(S3EventRecord::key).containsExactly("reports/2026.csv");
	}

	@Test
	void theBucketsOtherNotificationsAreKept() {
		S3BucketDescriptor bucket = bucket();
		this.fixture.s3.createBucket((request) -> request.bucket(bucket.name()));
		String otherQueue = "other-" + UUID.randomUUID();
		String otherUrl = this.fixture.sqs.createQueue((request) -> request.queueName(otherQueue)).queueUrl();
		String otherArn = this.fixture.sqs.getQueueAttributes((request) -> request.queueUrl(otherUrl)
			.attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
		this.fixture.s3.putBucketNotificationConfiguration((request) -> request.bucket(bucket.name())
			.notificationConfiguration(NotificationConfiguration.builder()
				.queueConfigurations(QueueConfiguration.builder()
					.id("someone-else")
					.queueArn(otherArn)
					.eventsWithStrings("s3:ObjectRemoved:*")
					.build())
				.build()));
		start("logObjects", binding(bucket, "logObjects", "", ""), collect());
		List<QueueConfiguration> entries = this.fixture.s3
			.getBucketNotificationConfiguration((request) -> request.bucket(bucket.name()))
			.queueConfigurations();
		assertThat(entries).extracting(QueueConfiguration::id).containsExactlyInAnyOrder("someone-else",
				"tributary-logObjects");
		put(bucket, "a.txt", "a");
		await().atMost(WAIT).until(() -> this.seen.size() >= 1);
	}

	@Test
	void aRecordThatKeepsFailingMovesToTheDeadLetterQueueAndTheNextOneIsProcessed() {
		S3BucketDescriptor bucket = bucket();
		String name = "imports-" + UUID.randomUUID();
		SqsQueueDescriptor queue = new SqsQueueDescriptor(name, name, null, false, Duration.ofSeconds(1), name + "-dlq",
				2);
		start("importObjects", new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), "", "", S3Delivery.SQS, queue,
				SqsQueueOptions.defaults()),
				StreamProcessors.forEach((S3EventRecord record) -> {
					if (record.key().equals("poison.json")) {
						throw new IllegalStateException("cannot import");
					}
					this.seen.add(record);
				}));
		put(bucket, "poison.json", "{");
		put(bucket, "fine.json", "{}");
		await().atMost(WAIT).until(() -> !this.seen.isEmpty());
		String deadLetterUrl = this.fixture.sqs.getQueueUrl((request) -> request.queueName(queue.deadLetterQueue()))
			.queueUrl();
		await().atMost(WAIT)
			.until(() -> this.fixture.sqs.receiveMessage((request) -> request.queueUrl(deadLetterUrl).waitTimeSeconds(1))
				.messages()
				.stream()
				.anyMatch((message) -> message.body().contains("poison.json")));
		assertThat(this.seen).extracting(S3EventRecord::key).containsExactly("fine.json");
	}

	@Test
	void aProcessorS3WouldInvokeDirectlyIsFedOneRecordAtATimeThroughAQueueOfItsOwn() {
		S3BucketDescriptor bucket = bucket();
		List<Integer> batchSizes = LocalRuntimeFixture.synchronizedList();
		start("uploads", new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), "", "", S3Delivery.DIRECT, null,
				SqsQueueOptions.defaults()), (records) -> records.collectList().doOnNext((batch) -> {
					batchSizes.add(batch.size());
					this.seen.addAll(batch);
				}).then());
		put(bucket, "a.txt", "a");
		put(bucket, "b.txt", "b");
		await().atMost(WAIT).until(() -> this.seen.size() >= 2);
		assertThat(batchSizes).containsOnly(1);
		assertThat(this.fixture.sqs.getQueueUrl((request) -> request
			.queueName(S3EventBinding.notificationQueue(bucket, "uploads", 3).name())).queueUrl()).isNotBlank();
	}

	private S3BucketDescriptor bucket() {
		return new S3BucketDescriptor("Files", "files-" + UUID.randomUUID(), null);
	}

	private static S3EventBinding binding(S3BucketDescriptor bucket, String processor, String prefix, String suffix) {
		return new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), prefix, suffix, S3Delivery.SQS,
				S3EventBinding.notificationQueue(bucket, processor, 5), SqsQueueOptions.defaults());
	}

	private void start(String name, S3EventBinding binding, Function<Flux<S3EventRecord>, Mono<Void>> function) {
		S3ProcessorDefinition processor = new S3ProcessorDefinition(name, binding,
				ProcessorOptions.builder().batchSize(10).build(), function);
		this.fixture.start(new InMemoryCheckpointStore(), (definition) -> this.fixture.logged, LocalRuntimeFixture.FAST,
				List.of(processor));
	}

	private Function<Flux<S3EventRecord>, Mono<Void>> collect() {
		return StreamProcessors.forEach((S3EventRecord record) -> this.seen.add(record));
	}

	private void put(S3BucketDescriptor bucket, String key, String content) {
		this.fixture.s3.putObject((request) -> request.bucket(bucket.name()).key(key), RequestBody.fromString(content));
	}

}
