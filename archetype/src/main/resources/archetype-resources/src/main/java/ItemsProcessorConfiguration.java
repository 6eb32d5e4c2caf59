package ${package};

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
 * The processor of the {@code Items} table's stream: logs {@code INSERT: one -> first},
 * {@code MODIFY: one -> updated} or {@code REMOVE: one -> (deleted)} for each change. The same bean
 * runs locally (Tributary reads the stream) and in AWS Lambda (an event source mapping invokes it).
 */
@Configuration(proxyBeanMethods = false)
public class ItemsProcessorConfiguration {

	private static final Log logger = LogFactory.getLog(ItemsProcessorConfiguration.class);

	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
			startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
	public Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
		return StreamProcessors.forEach((record) -> logger.info(record.eventName() + ": "
				+ record.keys().get("id").s() + " -> " + record.newImage().map(Item::content).orElse("(deleted)")));
	}

}
