package com.example.yamlapp;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class YamlApplication {

	private static final Log logger = LogFactory.getLog(YamlApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(YamlApplication.class, args);
	}

	// The prefix only exists in application.yml: without SnakeYAML the application does not start.
	@Bean
	@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES)
	Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems(@Value("${yaml-app.prefix}") String prefix) {
		return StreamProcessors.forEach((record) -> logger.info(prefix + " " + record.eventName() + ": "
				+ record.keys().get("id").s() + " -> " + record.newImage().map(Item::content).orElse("(deleted)")));
	}

}
