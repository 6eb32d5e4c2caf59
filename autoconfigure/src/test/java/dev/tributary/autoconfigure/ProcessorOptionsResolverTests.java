package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsQueueDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ProcessorOptionsResolver}: the common options, whatever the source's
 * annotation.
 *
 * @author Tributary
 */
class ProcessorOptionsResolverTests {

	private final ProcessorOptionsResolver resolver = new ProcessorOptionsResolver(new SqsQueueResolver(Map.of()));

	@Test
	void withoutAnnotationOrPropertiesTheOptionsAreLambdasDefaults() {
		assertThat(this.resolver.resolve("plain", null, new TributaryProperties.Processor()))
			.isEqualTo(ProcessorOptions.defaults());
	}

	@Test
	void annotationValuesAreReadAndPropertiesWinSettingBySetting() {
		TributaryProperties.Processor properties = new TributaryProperties.Processor();
		properties.setBatchSize(50);
		ProcessorOptions options = this.resolver.resolve("orders", annotated("SomeSourceProcessor", 10), properties);
		assertThat(options.batchSize()).isEqualTo(50);
		assertThat(options.maxBatchingWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.maxRetryAttempts()).isEqualTo(3);
		assertThat(options.maxRecordAge()).contains(Duration.ofMinutes(5));
		assertThat(options.bisectOnError()).isTrue();
		assertThat(options.parallelizationFactor()).isEqualTo(4);
		assertThat(options.onFailureDestination()).contains("failures");
		assertThat(options.filterPatterns()).containsExactly("{\"eventName\":[\"INSERT\"]}");
	}

	@Test
	void anInvalidAnnotationValueNamesThatSourcesAnnotation() {
		assertThatExceptionOfType(InvalidProcessorBindingException.class)
			.isThrownBy(() -> this.resolver.resolve("huge", annotated("SomeSourceProcessor", 20000),
					new TributaryProperties.Processor()))
			.withMessage("Invalid value '20000' for @SomeSourceProcessor(batchSize) on bean 'huge': "
					+ "The batch size must be between 1 and 10000.");
	}

	@Test
	void anInvalidPropertyNamesTheProperty() {
		TributaryProperties.Processor properties = new TributaryProperties.Processor();
		properties.setMaxRecordAge(Duration.ofSeconds(5));
		assertThatExceptionOfType(InvalidProcessorBindingException.class)
			.isThrownBy(() -> this.resolver.resolve("young", annotated("SomeSourceProcessor", 10), properties))
			.satisfies((ex) -> assertThat(ex.getSource()).isEqualTo("tributary.processors.young.max-record-age"));
	}

	@Test
	void theQueuesAProcessorSendsToResolveLikeTheQueuesProcessorsRead() {
		TributaryProperties.Queue fifo = new TributaryProperties.Queue();
		fifo.setFifo(true);
		ProcessorOptionsResolver resolver = new ProcessorOptionsResolver(
				new SqsQueueResolver(Map.of("Orders", fifo)));
		TributaryProperties.Processor properties = new TributaryProperties.Processor();
		properties.setSendsTo(List.of("Orders", "arn:aws:sqs:eu-west-1:123456789012:audit", "Orders"));
		assertThat(resolver.resolve("forward", annotated("SomeSourceProcessor", 10), properties).sendsTo())
			.extracting(SqsQueueDescriptor::name, SqsQueueDescriptor::arn)
			.containsExactly(tuple("Orders.fifo", null), tuple("audit", "arn:aws:sqs:eu-west-1:123456789012:audit"));
	}

	@Test
	void theAnnotationsQueuesAreSentToUnlessThePropertyReplacesThem() {
		assertThat(this.resolver.resolve("forward", annotated("SomeSourceProcessor", 10),
				new TributaryProperties.Processor()).sendsTo()).extracting(SqsQueueDescriptor::name)
			.containsExactly("ItemChanges");
	}

	@Test
	void anInvalidQueueToSendToNamesTheProperty() {
		TributaryProperties.Processor properties = new TributaryProperties.Processor();
		properties.setSendsTo(List.of("not a queue"));
		assertThatExceptionOfType(InvalidProcessorBindingException.class)
			.isThrownBy(() -> this.resolver.resolve("forward", null, properties))
			.satisfies((ex) -> assertThat(ex.getSource()).isEqualTo("tributary.processors.forward.sends-to"));
	}

	@Test
	void anAnnotatedRecordAgeOutOfRangeNamesTheAttribute() {
		AnnotatedOptions annotation = new AnnotatedOptions("SomeSourceProcessor", 10, "0s", -1, "10s", false, 1, "",
				List.of(), List.of());
		assertThatExceptionOfType(InvalidProcessorBindingException.class)
			.isThrownBy(() -> this.resolver.resolve("young", annotation, new TributaryProperties.Processor()))
			.satisfies((ex) -> assertThat(ex.getSource())
				.isEqualTo("@SomeSourceProcessor(maxRecordAge) on bean 'young'"));
	}

	private static AnnotatedOptions annotated(String annotation, int batchSize) {
		return new AnnotatedOptions(annotation, batchSize, "2s", 3, "5m", true, 4, "failures",
				List.of("{\"eventName\":[\"INSERT\"]}"), List.of("ItemChanges"));
	}

}
