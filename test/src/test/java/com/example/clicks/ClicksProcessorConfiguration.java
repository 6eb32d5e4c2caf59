package com.example.clicks;

import java.time.Duration;
import java.util.function.Function;

import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.StreamProcessors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition recipe: clicks written in chunks of up to 50, or whatever arrived within 5
 * seconds, four chunks at a time.
 */
@Configuration(proxyBeanMethods = false)
public class ClicksProcessorConfiguration {

	// tag::in-chunks[]
	@Bean
	@KinesisStreamProcessor(stream = "Clicks", batchSize = 500)
	public Function<Flux<KinesisRecord<Click>>, Mono<Void>> storeClicks(ClickStore store) {
		return StreamProcessors.inChunks(50, Duration.ofSeconds(5), 4, store::writeAll);
	}
	// end::in-chunks[]

}
