package dev.tributary.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StreamRecord;
import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownPropertiesFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class))
		.withUserConfiguration(ItemsProcessorConfiguration.class);

	@Test
	void aMisspelledProcessorSettingFailsNamingTheClosestValidOne() {
		this.contextRunner.withPropertyValues("tributary.processors.logItems.batch-szie=500")
			.run(failsWith("tributary.processors.logItems.batch-szie (from property source 'test'): "
					+ "did you mean tributary.processors.logItems.batch-size?", "docs/reference.md"));
	}

	@Test
	void theOriginOfAPropertyFromAFileIsItsFileAndLine() {
		this.contextRunner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:config/misspelled.properties")
			.run(failsWith("tributary.processors.logItems.batch-szie (from class path resource "
					+ "[config/misspelled.properties]", "- 3:", "did you mean tributary.processors.logItems.batch-size?"));
	}

	@Test
	void validNamesInEveryFormBindBoundPass() {
		this.contextRunner
			.withPropertyValues("tributary.processors.logItems.batchSize=5",
					"tributary.processors.logItems.max_retry_attempts=2",
					"tributary.processors.logItems.filter-patterns[0]={\"eventName\": [\"INSERT\"]}",
					"tributary.tables.Items.name=items-dev", "tributary.tables.Items.partition-key-type=S",
					"tributary.local.retry-backoff.max=5s", "tributary.lambda.deadline-margin=2s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMisspelledTableSettingUnderAnyTableIdFails() {
		this.contextRunner.withPropertyValues("tributary.tables.Items.partition-kye=id")
			.run(failsWith("tributary.tables.Items.partition-kye", "did you mean tributary.tables.Items.partition-key?"));
	}

	@Test
	void aSettingInTheWrongGroupPointsToWhereItBelongs() {
		this.contextRunner.withPropertyValues("tributary.local.startup-timeout=5s")
			.run(failsWith("tributary.local.startup-timeout",
					"did you mean tributary.local.emulator.startup-timeout?"));
	}

	@Test
	void aNameCloseToNothingSaysSoAndListsTheGroups() {
		this.contextRunner.withPropertyValues("tributary.kinesis-streams.orders=x")
			.run(failsWith("tributary.kinesis-streams.orders (from property source 'test'): no Tributary property is close",
					"tributary.processors.<bean>.*, tributary.tables.<id>.*, tributary.local.*"));
	}

	@Test
	void everyUnknownPropertyIsListedAtOnce() {
		this.contextRunner
			.withPropertyValues("tributary.local.pol-interval=1s", "tributary.lambda.deadline-margn=2s")
			.run(failsWith("tributary.local.pol-interval", "did you mean tributary.local.poll-interval?",
					"tributary.lambda.deadline-margn", "did you mean tributary.lambda.deadline-margin?"));
	}

	@Test
	void anUnknownLocalSettingFailsBeforeTheEmulatorStarts() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class))
			.withBean(EmulatorStarts.class)
			.withPropertyValues("tributary.local.emulator.enable=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(EmulatorStarts.created).isFalse();
				failsWith("tributary.local.emulator.enable", "did you mean tributary.local.emulator.enabled?")
					.accept(context);
			});
	}

	@Test
	void misspelledEnvironmentVariablesFailAndOtherToolsVariablesPass() {
		Map<String, Object> variables = Map.of("TRIBUTARY_LOCAL_POLL_INTERVAL", "1s",
				"TRIBUTARY_PROCESSORS_LOGITEMS_BATCHSIZE", "5", "TRIBUTARY_MOTO_ENDPOINT", "http://localhost:1",
				"TRIBUTARY_PROCESSOR", "logItems", "TRIBUTARY_STAGE", "dev", "TRIBUTARY_LOCAL_POLL_INTERVL", "1s");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("testEnvironment", variables)))
			.run(failsWith("- TRIBUTARY_LOCAL_POLL_INTERVL (from environment variable TRIBUTARY_LOCAL_POLL_INTERVL): "
					+ "did you mean tributary.local.poll-interval?"));
	}

	@Test
	void environmentVariablesInEveryValidFormPass() {
		Map<String, Object> variables = Map.of("TRIBUTARY_LOCAL_POLL_INTERVAL", "1s", "TRIBUTARY_LOCAL_POLLINTERVAL",
				"1s", "TRIBUTARY_PROCESSORS_LOGITEMS_MAX_RETRY_ATTEMPTS", "5",
				"TRIBUTARY_PROCESSORS_LOGITEMS_FILTERPATTERNS_0_", "{}", "TRIBUTARY_TABLES_ITEMS_NAME", "items-dev");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("testEnvironment", variables)))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void deploySettingsWithoutTheDeployModuleSayWhatTheyNeed() {
		this.contextRunner.withPropertyValues("tributary.deploy.stage=prod")
			.run(failsWith("tributary.deploy.stage (from property source 'test'): tributary.deploy.* properties "
					+ "need the deploy module (dev.tributary:tributary-deploy, the -Pdeploy profile of the sample app)"));
	}

	@Test
	void theDeployCommandWithoutTheDeployModuleSaysHowToAddIt() {
		this.contextRunner.withPropertyValues("tributary.deploy.command=plan").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new DeployModuleMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(
					"tributary.deploy.command=plan is set (from property source 'test') but the deploy module "
							+ "(dev.tributary:tributary-deploy) is not on the class path",
					"would start as a stream processor instead");
			assertThat(analysis.getAction()).contains("spring-boot:run -Pdeploy -Dtributary.deploy.command=plan",
					"dev.tributary:tributary-deploy with scope provided", "remove tributary.deploy.command");
		});
	}

	@Test
	void theKclRuntimeWithoutTheKclModuleSaysHowToAddIt() {
		this.contextRunner.withPropertyValues("tributary.runtime=kcl").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new KclModuleMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(
					"tributary.runtime=kcl is set (from property source 'test') but the KCL runtime "
							+ "(dev.tributary:tributary-kcl) is not on the class path",
					"would run on the single-host local runtime instead");
			assertThat(analysis.getAction()).contains("spring-boot:run -Pkcl",
					"add the dependency dev.tributary:tributary-kcl", "set it to 'local'");
		});
	}

	@Test
	void theLocalRuntimeNamedExplicitlyIsValid() {
		this.contextRunner.withPropertyValues("tributary.runtime=local")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String... expected) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalyzer analyzer = new UnknownPropertiesFailureAnalyzer();
			FailureAnalysis analysis = analyzer.analyze(failure);
			assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
			assertThat(analysis.getDescription() + "\n" + analysis.getAction()).contains(expected);
		};
	}

	record Item(@DynamoDbPartitionKey String id, String content) {
	}

	/**
	 * Stands for any bean created at startup, such as the embedded emulator.
	 */
	static class EmulatorStarts {

		static volatile boolean created;

		EmulatorStarts() {
			created = true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ItemsProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
			return Flux::then;
		}

	}

}
