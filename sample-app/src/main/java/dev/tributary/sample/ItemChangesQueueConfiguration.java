package dev.tributary.sample;

import java.util.function.Function;

import dev.tributary.SqsMessage;
import dev.tributary.SqsQueueProcessor;
import dev.tributary.StreamChange;
import dev.tributary.StreamProcessors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer downstream of the fan-out: reads the {@code ItemChanges} queue that
 * {@code forwardItems} forwards the {@code Items} table's changes to, and logs {@code QUEUED: INSERT one -> first}
 * for each.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class ItemChangesQueueConfiguration {

	private static final Log logger = LogFactory.getLog(ItemChangesQueueConfiguration.class);

	@Bean
	@SqsQueueProcessor(queue = "ItemChanges")
	public Function<Flux<SqsMessage<StreamChange<Item>>>, Mono<Void>> logQueued() {
		return StreamProcessors.forEach((message) -> {
			StreamChange<Item> change = message.payload();
			Item item = change.newImage();
			logger.info("QUEUED: " + change.eventName() + " " + change.keys().get("id") + " -> "
					+ ((item != null) ? item.content() : "(deleted)"));
		});
	}

}
