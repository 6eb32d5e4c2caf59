package dev.tributary.sample;

import java.util.function.Function;

import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A processor on the {@code Events} Kinesis stream: logs {@code EVENT: k1 -> hello} for each
 * record, its partition key and its payload as text.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class EventsStreamConfiguration {

	private static final Log logger = LogFactory.getLog(EventsStreamConfiguration.class);

	@Bean
	@KinesisStreamProcessor(stream = "Events", startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
	public Function<Flux<KinesisRecord<String>>, Mono<Void>> logEvents() {
		return StreamProcessors.forEach((record) -> logger.info("EVENT: " + record.partitionKey() + " -> "
				+ record.payload()));
	}

}
