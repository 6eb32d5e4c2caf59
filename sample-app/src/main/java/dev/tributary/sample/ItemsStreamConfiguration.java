package dev.tributary.sample;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Logs every change of the {@code Items} table, as the seed does.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class ItemsStreamConfiguration {

	private static final Log log = LogFactory.getLog(ItemsStreamConfiguration.class);

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
			startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
	Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
		return StreamProcessors.forEach((record) -> {
			String id = record.keys().get("id").s();
			log.info(record.eventName() + ": " + id + " -> " + record.newImage().map(Item::content).orElse("(deleted)"));
		});
	}

}
