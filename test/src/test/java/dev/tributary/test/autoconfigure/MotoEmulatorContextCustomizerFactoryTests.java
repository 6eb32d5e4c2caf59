package dev.tributary.test.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class MotoEmulatorContextCustomizerFactoryTests {

	private final MotoEmulatorContextCustomizerFactory factory = new MotoEmulatorContextCustomizerFactory();

	@Test
	void customizesOnlyAnnotatedTestClasses() {
		assertThat(this.factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of())).isNotNull();
	}

	@Test
	void annotatedClassesGetEqualCustomizersSoThatTheirContextsAreCachedAndShared() {
		ContextCustomizer first = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer second = this.factory.createContextCustomizer(OtherAnnotated.class, List.of());
		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
	}

	@Test
	void nestedTestClassesInheritTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Annotated.Inner.class, List.of())).isNotNull();
	}

	static class NotAnnotated {

	}

	@AutoConfigureMotoEmulator
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	@AutoConfigureMotoEmulator
	static class OtherAnnotated {

	}

}
