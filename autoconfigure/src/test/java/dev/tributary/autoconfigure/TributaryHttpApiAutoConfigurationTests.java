package dev.tributary.autoconfigure;

import java.time.Duration;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.HttpApiDefinition.ResourceKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TributaryHttpApiAutoConfiguration}: the HTTP API's declaration, from properties that
 * the startup check accepts, granting exactly what is named.
 */
class TributaryHttpApiAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class,
				TributaryHttpApiAutoConfiguration.class));

	@Test
	void defaultsToAnIamAuthenticatedUrlWithoutCorsAndNoAccess() {
		this.contextRunner.run((context) -> {
			HttpApiDefinition api = context.getBean(HttpApiDefinition.class);
			assertThat(api.enabled()).isNull();
			assertThat(api.authType()).isEqualTo(AuthType.AWS_IAM);
			assertThat(api.findCors()).isEmpty();
			assertThat(api.access()).isEmpty();
		});
	}

	@Test
	void grantsTheDeclaredActionsOnTheTablesAndQueuesByTheirNames() {
		this.contextRunner
			.withPropertyValues("tributary.api.url.auth-type=NONE", "tributary.api.access.tables.Items=PutItem, GetItem",
					"tributary.tables.Items.name=items-prod", "tributary.api.access.queues.Orders=SendMessage")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HttpApiDefinition api = context.getBean(HttpApiDefinition.class);
				assertThat(api.authType()).isEqualTo(AuthType.NONE);
				assertThat(api.access()).containsExactly(
						new AccessGrant(ResourceKind.TABLE, "Items", "items-prod",
								java.util.List.of("PutItem", "GetItem")),
						new AccessGrant(ResourceKind.QUEUE, "Orders", "Orders", java.util.List.of("SendMessage")));
				assertThat(api.access().get(0).iamActions()).containsExactly("dynamodb:PutItem", "dynamodb:GetItem");
			});
	}

	@Test
	void takesCorsWhenOriginsAreSet() {
		this.contextRunner
			.withPropertyValues("tributary.api.url.cors.allowed-origins=https://example.com",
					"tributary.api.url.cors.allowed-methods=GET,PUT", "tributary.api.url.cors.max-age=1h")
			.run((context) -> {
				HttpApiDefinition.Cors cors = context.getBean(HttpApiDefinition.class).findCors().orElseThrow();
				assertThat(cors.allowOrigins()).containsExactly("https://example.com");
				assertThat(cors.allowMethods()).containsExactly("GET", "PUT");
				assertThat(cors.maxAge()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void refusesAWildcardActionNamingTheProperty() {
		this.contextRunner.withPropertyValues("tributary.api.access.tables.Items=*").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("tributary.api.access.tables.Items")
				.hasMessageContaining("'*' is not an action name");
		});
	}

	@Test
	void refusesAnActionWithItsServicePrefix() {
		this.contextRunner.withPropertyValues("tributary.api.access.queues.Orders=sqs:SendMessage").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("tributary.api.access.queues.Orders")
				.hasMessageContaining("without the 'sqs:' prefix");
		});
	}

	@Test
	void refusesAMisspelledApiProperty() {
		this.contextRunner.withPropertyValues("tributary.api.url.auth-typ=NONE")
			.run((context) -> assertThat(context).hasFailed());
	}

}
