package dev.tributary.test.autoconfigure;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import dev.tributary.test.processor.ProcessorTester;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link ProcessorTester} over the application's processors, imported
 * by {@link AutoConfigureProcessorTester}.
 *
 * @author Tributary
 */
@AutoConfiguration(after = TributaryAutoConfiguration.class)
public final class ProcessorTesterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(StreamProcessorRegistry.class)
	ProcessorTester processorTester(StreamProcessorRegistry processors) {
		return ProcessorTester.of(processors);
	}

}
