package dev.tributary.deploy.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a deploy-mode application ends: exit code 0 once a command has run, 1 with the failure
 * analysis when it failed.
 *
 * @author Tributary
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class DeployExitIntegrationTests {

	@Test
	void failedCommandExitsWithStatusOneAndPrintsTheFailureAnalysis(CapturedOutput output) {
		List<Integer> exitCodes = new CopyOnWriteArrayList<>();
		SpringApplication application = new SpringApplication(DeployApp.class);
		application.addListeners((ApplicationListener<ExitCodeEvent>) (event) -> exitCodes.add(event.getExitCode()));

		assertThatExceptionOfType(DeployFailedException.class).isThrownBy(() -> application.run(
				"--tributary.deploy.command=deploy", "--tributary.deploy.artifact=/nonexistent/app-lambda.zip",
				"--tributary.deploy.exit=false", "--spring.application.name=" + MotoServerExtension.uniqueName("exit"),
				"--spring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(),
				"--spring.cloud.aws.region.static=us-east-1", "--spring.cloud.aws.credentials.access-key=test",
				"--spring.cloud.aws.credentials.secret-key=test"));

		assertThat(exitCodes).containsExactly(1);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("tributary.deploy.command=deploy failed")
			.contains("run 'mvn package' first")
			.contains("run the command again");
	}

	@Test
	void successfulCommandExitsWithStatusZeroOnceTheApplicationIsReady() {
		List<Integer> exitCodes = new CopyOnWriteArrayList<>();
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();

		new DeployExitListener(exitCodes::add).onApplicationEvent(
				new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

		assertThat(exitCodes).containsExactly(0);
		assertThat(context.isActive()).as("closed before exiting").isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TributaryLocalAwsAutoConfiguration.class, DeployAutoConfiguration.class })
	static class DeployApp {

		@Bean
		StreamProcessorRegistry registry() {
			return TestRegistry.of("orders", MotoServerExtension.uniqueName("exit-items"), ProcessorOptions.defaults());
		}

	}

}
