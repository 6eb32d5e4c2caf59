package dev.tributary.sample;

import java.util.function.Function;

import dev.tributary.S3EventProcessor;
import dev.tributary.S3EventRecord;
import dev.tributary.StreamProcessors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code Files} bucket's event processor: logs {@code OBJECT: ObjectCreated:Put notes.txt
 * (5 bytes)} for each object {@link FilesController} stores there.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class FilesConfiguration {

	private static final Log logger = LogFactory.getLog(FilesConfiguration.class);

	@Bean
	@S3EventProcessor(bucket = "Files", events = "s3:ObjectCreated:*")
	public Function<Flux<S3EventRecord>, Mono<Void>> logObjects() {
		return StreamProcessors.forEach((object) -> logger
			.info("OBJECT: " + object.eventName() + " " + object.key() + " (" + object.size() + " bytes)"));
	}

}
