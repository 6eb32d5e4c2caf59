package com.example.items;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor of the {@code Items} table's stream: it logs each change, and refuses an item
 * whose content is {@code poison}, which then fails the batch at that record.
 */
@Configuration(proxyBeanMethods = false)
public class ItemsProcessorConfiguration {

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
			startingPosition = StartingPosition.TRIM_HORIZON)
	public Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems(ItemLog log) {
		return StreamProcessors.forEach((record) -> {
			String content = record.newImage().map(Item::content).orElse("(deleted)");
			if (content.equals("poison")) {
				throw new IllegalArgumentException("Item " + record.keys().get("id").s() + " is poison");
			}
			log.add(record.eventName() + ": " + record.keys().get("id").s() + " -> " + content);
		});
	}

}
