package dev.tributary.autoconfigure;

import java.util.List;

import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link StreamProcessorRegistry}: every
 * {@code Function<Flux<StreamRecord<T>>, Mono<Void>>} bean bound with
 * {@code @DynamoDbStreamProcessor} or {@code tributary.processors.<name>.*} becomes a registered
 * processor. The Lambda runtime, the local runtime and deploy read the registry. Before any bean
 * is created, every {@code tributary.*} property is checked against the known names; once the
 * processors are discovered, a typed processor on a {@code KEYS_ONLY} stream is warned about.
 *
 * @author Tributary
 */
@AutoConfiguration
@EnableConfigurationProperties(TributaryProperties.class)
public final class TributaryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static TributaryPropertiesCheck tributaryPropertiesCheck() {
		return new TributaryPropertiesCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	StreamProcessorRegistry streamProcessorRegistry(ConfigurableListableBeanFactory beanFactory,
			TributaryProperties properties) {
		List<SourceProcessorDefiner> definers = List.of(new DynamoDbProcessorDefiner(beanFactory, properties),
				new KinesisProcessorDefiner(beanFactory, properties), new SqsProcessorDefiner(beanFactory, properties),
				new S3ProcessorDefiner(beanFactory, properties));
		StreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(
				new StreamProcessorDiscoverer(beanFactory, properties, definers).discover());
		KeysOnlyViewWarning.warn(registry.getProcessors(StreamProcessorDefinition.class));
		return registry;
	}

}
