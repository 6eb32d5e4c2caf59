package dev.tributary.local.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Spring application with a processor and no web server: after {@code run} returns, a
 * non-daemon thread keeps the JVM up while the processor reads, and closing the context ends it.
 */
@ExtendWith(MotoServerExtension.class)
class ServiceWithoutWebServerIntegrationTests {

	private static final List<String> seen = LocalRuntimeFixture.synchronizedList();

	@Test
	void aProcessorKeepsANonDaemonThreadAliveUntilTheContextCloses() {
		String table = MotoServerExtension.uniqueName("service");
		SpringApplication application = new SpringApplication(ServiceApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run(
				"--spring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(),
				"--spring.cloud.aws.credentials.access-key=test", "--spring.cloud.aws.credentials.secret-key=test",
				"--tributary.local.checkpoints.store=memory", "--tributary.local.poll-interval=50ms",
				"--tributary.local.max-idle-poll-interval=200ms", "--service.table=" + table);
		try {
			Optional<Thread> coordinator = thread("tributary-service");
			assertThat(coordinator).hasValueSatisfying((thread) -> {
				assertThat(thread.isDaemon()).isFalse();
				assertThat(thread.isAlive()).isTrue();
			});
			context.getBean(DynamoDbClient.class)
				.putItem((request) -> request.tableName(table).item(Map.of("id", AttributeValue.fromS("one"))));
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("one"));
			context.close();
			await().atMost(Duration.ofSeconds(15)).until(() -> !coordinator.get().isAlive());
		}
		finally {
			context.close();
		}
		assertThat(thread("tributary-service")).isEmpty();
	}

	private static Optional<Thread> thread(String name) {
		return Thread.getAllStackTraces().keySet().stream().filter((thread) -> thread.getName().equals(name)).findFirst();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServiceApplication {

		@Bean
		StreamProcessorRegistry streamProcessorRegistry(org.springframework.core.env.Environment environment) {
			String name = environment.getRequiredProperty("service.table");
			TableDescriptor table = new TableDescriptor(name, name, new KeyAttribute("id", KeyAttribute.ScalarType.S),
					null);
			return new DefaultStreamProcessorRegistry(List.of(LocalRuntimeFixture.processor("service", table,
					new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON), ProcessorOptions.defaults(),
					StreamProcessors.forEach((record) -> seen.add(LocalRuntimeFixture.id(record))))));
		}

	}

}
