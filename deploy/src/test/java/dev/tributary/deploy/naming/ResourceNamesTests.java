package dev.tributary.deploy.naming;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResourceNames}.
 *
 * @author Tributary
 */
class ResourceNamesTests {

	@Test
	void derivesNamesFromAppStageAndProcessorInKebabCase() {
		ResourceNames names = new ResourceNames("Shop", "prod");

		assertThat(names.function("itemsProcessor")).isEqualTo("shop-prod-items-processor");
		assertThat(names.role("itemsProcessor", "eu-west-1")).isEqualTo("shop-prod-items-processor-eu-west-1");
		assertThat(names.logGroup("itemsProcessor")).isEqualTo("/aws/lambda/shop-prod-items-processor");
		assertThat(names.bucket("123456789012", "eu-west-1")).isEqualTo("tributary-shop-prod-123456789012-eu-west-1");
	}

	@Test
	void longNamesAreTruncatedWithAHashSoThatTheyStayDistinct() {
		ResourceNames names = new ResourceNames("a-very-long-application-name-for-the-warehouse", "staging");

		String first = names.function("inventoryReconciliationProcessorOne");
		String second = names.function("inventoryReconciliationProcessorTwo");

		assertThat(first).hasSizeBetween(60, 64).matches("[a-z0-9-]+-[0-9a-f]{8}");
		assertThat(second).hasSizeBetween(60, 64).isNotEqualTo(first);
		assertThat(names.role("inventoryReconciliationProcessorOne", "ap-southeast-2")).hasSizeLessThanOrEqualTo(64);
		assertThat(names.bucket("123456789012", "ap-southeast-2")).hasSizeLessThanOrEqualTo(63)
			.matches("[a-z0-9][a-z0-9-]*[a-z0-9]");
	}

	@Test
	void aQueueNamedByTheAppIsPerStageAndWithinSqsLimit() {
		ResourceNames dev = new ResourceNames("Shop", "dev");
		ResourceNames prod = new ResourceNames("Shop", "prod");

		assertThat(dev.queue("order_failures")).isEqualTo("shop-dev-order_failures");
		assertThat(prod.queue("order_failures")).isEqualTo("shop-prod-order_failures");
		assertThat(dev.queue("x".repeat(90))).hasSizeLessThanOrEqualTo(80);
		assertThat(dev.functionPrefix()).isEqualTo("shop-dev-");
	}

}
