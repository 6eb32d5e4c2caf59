package dev.tributary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a {@code Function<Flux<StreamRecord<T>>, Mono<Void>>} bean to a DynamoDB table's stream.
 * <p>
 * Put it on the {@code @Bean} method (or the component class) that declares the processor:
 * <pre class="code">
 * &#64;Bean
 * &#64;DynamoDbStreamProcessor(table = "Items", viewType = NEW_AND_OLD_IMAGES, startingPosition = TRIM_HORIZON, batchSize = 10)
 * Function&lt;Flux&lt;StreamRecord&lt;Item&gt;&gt;, Mono&lt;Void&gt;&gt; logItems() { ... }
 * </pre>
 * Every attribute can be overridden per stage with {@code tributary.processors.<beanName>.*}
 * properties, which win over the annotation. The same properties alone bind a processor bean
 * that has no annotation.
 * <p>
 * Defaults follow Lambda's event source mapping for DynamoDB streams.
 *
 * @author Tributary
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DynamoDbStreamProcessor {

	/**
	 * Alias for {@link #table()}.
	 * @return the table id
	 */
	@AliasFor("table")
	String value() default "";

	/**
	 * Id of the table whose stream feeds the processor. Its physical name is
	 * {@code tributary.tables.<id>.name} when set, else the id itself.
	 * @return the table id
	 */
	@AliasFor("value")
	String table() default "";

	/**
	 * What the stream carries for each change.
	 * @return the view type, {@link StreamViewType#KEYS_ONLY} by default
	 */
	StreamViewType viewType() default StreamViewType.KEYS_ONLY;

	/**
	 * Where to start reading the first time; afterwards the processor resumes from its
	 * checkpoint. {@link StartingPosition#AT_TIMESTAMP} is not valid for DynamoDB.
	 * @return the starting position, {@link StartingPosition#LATEST} by default
	 */
	StartingPosition startingPosition() default StartingPosition.LATEST;

	/**
	 * Maximum number of records in one batch, 1 to 10000.
	 * @return the batch size, 100 by default
	 */
	int batchSize() default ProcessorOptions.DEFAULT_BATCH_SIZE;

	/**
	 * Maximum time to gather records before invoking the processor, as a duration ("500ms",
	 * "5s", "PT1M"), 0 to 300 seconds.
	 * @return the maximum batching window, no wait by default
	 */
	String maxBatchingWindow() default "0s";

	/**
	 * Maximum number of retries of a failed batch, 0 to 10000, or -1 to retry until the record
	 * expires.
	 * @return the maximum retry attempts, -1 by default
	 */
	int maxRetryAttempts() default ProcessorOptions.UNLIMITED;

	/**
	 * Maximum age of a record the processor is still given, as a duration from 60 seconds to 7
	 * days; empty for no limit. Older records go to the failure destination.
	 * @return the maximum record age, no limit by default
	 */
	String maxRecordAge() default "";

	/**
	 * Whether a failed batch is split in two and each half retried separately.
	 * @return whether to bisect on error, {@code false} by default
	 */
	boolean bisectOnError() default false;

	/**
	 * Number of batches processed concurrently per shard, 1 to 10; records with the same
	 * partition key stay in order.
	 * @return the parallelization factor, 1 by default
	 */
	int parallelizationFactor() default 1;

	/**
	 * Where records go once retries run out: an SQS queue name or ARN. Empty to log them at
	 * ERROR and count them instead.
	 * @return the on-failure destination, none by default
	 */
	String onFailure() default "";

	/**
	 * Lambda event filter patterns (JSON), such as {@code {"eventName": ["INSERT"]}}. A record
	 * is processed when it matches any pattern.
	 * @return the filter patterns, none by default
	 */
	String[] filterPatterns() default {};

	/**
	 * The queues this processor sends messages to, with {@link SqsFanOut} or its own
	 * {@code SqsClient}: ids of {@code tributary.queues} (or queue names) or ARNs. Deploy grants
	 * the processor's role {@code sqs:SendMessage} and {@code sqs:GetQueueUrl} on exactly these
	 * queues (and creates the declared ones); an {@link SqsFanOut} to a queue no processor
	 * declares fails at startup.
	 * @return the target queues, none by default
	 */
	String[] sendsTo() default {};

}
