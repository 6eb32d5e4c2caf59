package dev.tributary.deploy.autoconfigure;

import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.deploy.DeployException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HttpApiDetection}: whether deploy provisions the HTTP API.
 */
class HttpApiDetectionTests {

	private static final HttpApiDefinition DETECTED = api(null);

	@Test
	void deploysTheApiOfAnApplicationWithControllersAndTheServerlessWebSupport() {
		assertThat(HttpApiDetection.detect(DETECTED, factory("dev.tributary.deploy.autoconfigure.webapp"), true))
			.isSameAs(DETECTED);
	}

	@Test
	void deploysNoApiForAnApplicationWithoutControllers() {
		assertThat(HttpApiDetection.detect(DETECTED, factory("dev.tributary.deploy.support"), true)).isNull();
	}

	@Test
	void deploysNoApiWithoutTheServerlessWebSupportUnlessAskedTo() {
		assertThat(HttpApiDetection.detect(DETECTED, factory("dev.tributary.deploy.autoconfigure.webapp"), false))
			.isNull();
		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> HttpApiDetection.detect(api(true), factory("dev.tributary.deploy.support"), false))
			.withMessageContaining("spring-cloud-function-serverless-web");
	}

	@Test
	void followsTheEnabledProperty() {
		HttpApiDefinition forced = api(true);
		assertThat(HttpApiDetection.detect(forced, factory("dev.tributary.deploy.support"), true)).isSameAs(forced);
		assertThat(HttpApiDetection.detect(api(false), factory("dev.tributary.deploy.autoconfigure.webapp"), true))
			.isNull();
	}

	private static HttpApiDefinition api(Boolean enabled) {
		return new HttpApiDefinition(enabled, AuthType.AWS_IAM, null, List.of());
	}

	private static DefaultListableBeanFactory factory(String applicationPackage) {
		DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(factory, applicationPackage);
		return factory;
	}

}
