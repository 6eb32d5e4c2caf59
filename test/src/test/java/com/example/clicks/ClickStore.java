package com.example.clicks;

import java.util.List;

import dev.tributary.KinesisRecord;
import reactor.core.publisher.Mono;

/**
 * Where clicks are written, many in one call (a bulk insert, a {@code BatchWriteItem}, one HTTP
 * request).
 */
@FunctionalInterface
public interface ClickStore {

	/**
	 * Write clicks in one call.
	 * @param clicks the records, in sequence order
	 * @return completes when they are stored
	 */
	Mono<Void> writeAll(List<KinesisRecord<Click>> clicks);

}
