package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.tributary.S3Delivery;
import dev.tributary.S3EventBinding;
import dev.tributary.S3EventProcessor;
import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.tributary.autoconfigure.BindingFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

class S3ProcessorDiscoveryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void anAnnotatedS3ProcessorReadsCreatedObjectsThroughAQueueOfItsOwn() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class).run((context) -> {
			S3ProcessorDefinition processor = context.getBean(StreamProcessorRegistry.class)
				.getProcessors(S3ProcessorDefinition.class)
				.get(0);
			S3EventBinding binding = processor.binding();
			assertThat(processor.name()).isEqualTo("logObjects");
			assertThat(binding.bucket().name()).isEqualTo("files");
			assertThat(binding.events()).containsExactly("s3:ObjectCreated:*");
			assertThat(binding.delivery()).isEqualTo(S3Delivery.SQS);
			assertThat(binding.queue().name()).isEqualTo("files-logObjects");
			assertThat(binding.queue().deadLetterQueue()).isEqualTo("files-logObjects-dlq");
			assertThat(binding.queue().visibilityTimeout()).isEqualTo(Duration.ofMinutes(3));
			assertThat(processor.options().batchSize()).isEqualTo(10);
		});
	}

	@Test
	void propertiesNameTheBucketPerStageAndOverrideTheAnnotation() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.buckets.Files.name=files.prod.example",
					"tributary.processors.logObjects.events=s3:ObjectRemoved:*",
					"tributary.processors.logObjects.suffix=.txt", "tributary.processors.logObjects.delivery=direct")
			.run((context) -> {
				S3EventBinding binding = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(S3ProcessorDefinition.class)
					.get(0)
					.binding();
				assertThat(binding.bucket().name()).isEqualTo("files.prod.example");
				assertThat(binding.events()).containsExactly("s3:ObjectRemoved:*");
				assertThat(binding.suffix()).isEqualTo(".txt");
				assertThat(binding.delivery()).isEqualTo(S3Delivery.DIRECT);
				assertThat(binding.queue()).isNull();
			});
	}

	@Test
	void aProcessorDeclaresThatItReadsObjectsSoThatDeployGrantsExactlyThose() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.processors.logObjects.reads-objects=true",
					"tributary.processors.logObjects.prefix=incoming/")
			.run((context) -> {
				S3EventBinding binding = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(S3ProcessorDefinition.class)
					.get(0)
					.binding();
				assertThat(binding.readsObjects()).isTrue();
				assertThat(binding.objectsArn()).isEqualTo("arn:aws:s3:::files/incoming/*");
			});
	}

	@Test
	void aBucketNamedByArnIsAnExistingBucket() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.processors.logObjects.bucket=arn:aws:s3:::shared-files")
			.run((context) -> assertThat(context.getBean(StreamProcessorRegistry.class)
				.getProcessors(S3ProcessorDefinition.class)
				.get(0)
				.binding()
				.bucket()
				.isExisting()).isTrue());
	}

	@Test
	void anEventThatIsNotAnS3EventTypeFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.processors.logObjects.events=ObjectCreated")
			.run(failsWith("tributary.processors.logObjects.events", "ObjectCreated", "s3:ObjectCreated:*"));
	}

	@Test
	void anInvalidBucketNameFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.buckets.Files.name=Files_Upper")
			.run(failsWith("tributary.buckets.Files.name", "Files_Upper", "3 to 63 characters"));
	}

	@Test
	void aStreamSettingOnAnS3ProcessorFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.processors.logObjects.starting-position=LATEST")
			.run(failsWith("tributary.processors.logObjects.starting-position", "an S3 event processor"));
	}

	@Test
	void anS3SettingOnAnSqsProcessorFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(FilesConfiguration.class)
			.withPropertyValues("tributary.processors.logObjects.queue=Orders")
			.run(failsWith("tributary.processors.logObjects.queue", "notification queue is its own"));
	}

	@Configuration(proxyBeanMethods = false)
	static class FilesConfiguration {

		@Bean
		@S3EventProcessor(bucket = "Files")
		Function<Flux<S3EventRecord>, Mono<Void>> logObjects() {
			return (records) -> records.then();
		}

	}

}
