package dev.tributary.deploy.autoconfigure;

import java.io.IOException;
import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.deploy.DeployException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/**
 * Decides whether deploy provisions the application's HTTP API: as {@code tributary.api.enabled}
 * says, or when unset, when the application has controllers and the serverless web support that
 * serves them in Lambda. Controllers are found by scanning the application's packages, since in
 * deploy mode the application is not a web application and controllers that are conditional on
 * one are not beans.
 *
 * @author Tributary
 */
final class HttpApiDetection {

	static final String SERVERLESS_MVC = "org.springframework.cloud.function.serverless.web.ServerlessMVC";

	private HttpApiDetection() {
	}

	static @Nullable HttpApiDefinition detect(@Nullable HttpApiDefinition api, BeanFactory beanFactory,
			ClassLoader classLoader) {
		return detect(api, beanFactory, ClassUtils.isPresent(SERVERLESS_MVC, classLoader));
	}

	static @Nullable HttpApiDefinition detect(@Nullable HttpApiDefinition api, BeanFactory beanFactory,
			boolean serverlessWeb) {
		if (api == null || Boolean.FALSE.equals(api.enabled())) {
			return null;
		}
		if (Boolean.TRUE.equals(api.enabled())) {
			if (!serverlessWeb) {
				throw new DeployException("tributary.api.enabled=true, but the application does not have "
						+ "org.springframework.cloud:spring-cloud-function-serverless-web, which serves its controllers "
						+ "in Lambda: add that dependency (and jakarta.servlet:jakarta.servlet-api), or remove the property");
			}
			return api;
		}
		return (serverlessWeb && hasControllers(beanFactory)) ? api : null;
	}

	private static boolean hasControllers(BeanFactory beanFactory) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return false;
		}
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		AnnotationTypeFilter controller = new AnnotationTypeFilter(Controller.class);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(MetadataReader reader) throws IOException {
				// Without evaluating conditions: a controller that is conditional on a web
				// application is not a bean in deploy mode, yet it is what the API function serves.
				return controller.match(reader, getMetadataReaderFactory());
			}

		};
		return packages.stream().anyMatch((base) -> !scanner.findCandidateComponents(base).isEmpty());
	}

}
