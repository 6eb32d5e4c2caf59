package dev.tributary.sample;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.SqsFanOut;
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
 * The Items table's stream processors: {@code logItems} logs {@code INSERT: one -> first},
 * {@code MODIFY: one -> updated} and {@code REMOVE: one -> (deleted)} for each change to the
 * {@code Items} table, and {@code forwardItems} fans each change out to the {@code ItemChanges}
 * queue ({@link ItemChangesQueueConfiguration} reads it). Two processors rather than one that does
 * both: a queue that refuses messages retries only the forwarding, and only {@code forwardItems}'
 * role may send to the queue.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class ItemsStreamConfiguration {

	private static final Log logger = LogFactory.getLog(ItemsStreamConfiguration.class);

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
			startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
	public Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
		return StreamProcessors.forEach((record) -> logger.info(record.eventName() + ": "
				+ record.keys().get("id").s() + " -> " + record.newImage().map(Item::content).orElse("(deleted)")));
	}

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
			startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10, sendsTo = "ItemChanges")
	public Function<Flux<StreamRecord<Item>>, Mono<Void>> forwardItems(SqsFanOut fanOut) {
		return fanOut.changesTo("ItemChanges");
	}

}
