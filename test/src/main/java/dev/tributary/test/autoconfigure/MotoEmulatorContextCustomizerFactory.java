package dev.tributary.test.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.tributary.test.emulator.MotoEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Customizes the context of a test class annotated with {@link AutoConfigureMotoEmulator}: the
 * shared emulator's endpoint, region and credentials as the first property source, checkpoints
 * in memory unless configured otherwise, and the emulator as a bean.
 *
 * @author Tributary
 */
class MotoEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureMotoEmulator.class)
				? new MotoEmulatorContextCustomizer() : null;
	}

	/**
	 * One customizer for every annotated class, equal to the others, so that their contexts
	 * can be cached and shared as usual.
	 */
	static final class MotoEmulatorContextCustomizer implements ContextCustomizer {

		static final String PROPERTY_SOURCE = "tributaryMotoEmulator";

		static final String DEFAULTS_PROPERTY_SOURCE = "tributaryMotoEmulatorDefaults";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MotoEmulator emulator = MotoEmulator.shared();
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
					"spring.cloud.aws.endpoint", emulator.endpoint().toString(),
					"spring.cloud.aws.region.static", MotoEmulator.REGION.id(),
					"spring.cloud.aws.credentials.access-key", "test",
					"spring.cloud.aws.credentials.secret-key", "test")));
			// Checkpoints in the shared emulator would outlive the context and be found again by the
			// next one (or the next run, on an emulator named by TRIBUTARY_MOTO_ENDPOINT) for the same
			// processor and shard id: each context starts from its starting position instead. Last,
			// so that an application or test that sets the store itself keeps it.
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE,
					Map.of("tributary.local.checkpoints.store", "memory")));
			context.getBeanFactory().registerSingleton("tributaryMotoEmulator", emulator);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof MotoEmulatorContextCustomizer;
		}

		@Override
		public int hashCode() {
			return MotoEmulatorContextCustomizer.class.hashCode();
		}

	}

}
