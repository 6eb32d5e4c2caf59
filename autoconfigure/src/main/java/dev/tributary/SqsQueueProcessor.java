package dev.tributary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a {@code Function<Flux<SqsMessage<T>>, Mono<Void>>} bean to an SQS queue:
 * <pre class="code">
 * &#64;Bean
 * &#64;SqsQueueProcessor(queue = "ItemChanges", batchSize = 10)
 * Function&lt;Flux&lt;SqsMessage&lt;ItemChange&gt;&gt;, Mono&lt;Void&gt;&gt; logQueued() { ... }
 * </pre>
 * Every attribute can be overridden per stage with the
 * {@code tributary.processors.<beanName>.*} property of the same meaning, which wins over the
 * annotation; the queue's physical name, FIFO, visibility timeout and dead-letter queue are
 * {@code tributary.queues.<id>.*}.
 * <p>
 * A failed message, and every message after it in the batch, comes back after the queue's
 * visibility timeout; after the dead-letter queue's maximum receive count it moves there. Retries,
 * record age, bisection, parallelization and on-failure destinations are shard-source settings
 * that SQS does not have.
 *
 * @author Tributary
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SqsQueueProcessor {

	/**
	 * Alias for {@link #queue()}.
	 * @return the queue id or ARN
	 */
	@AliasFor("queue")
	String value() default "";

	/**
	 * The id of the queue (declared under {@code tributary.queues.<id>}, else a standard queue
	 * named after the id), or the ARN of an existing queue.
	 * @return the queue id or ARN
	 */
	@AliasFor("value")
	String queue() default "";

	/**
	 * Most messages per invocation: 1 to 10,000 (above 10 needs a batching window; a FIFO queue
	 * at most 10).
	 * @return the batch size
	 */
	int batchSize() default 10;

	/**
	 * Longest time to gather a batch, 0 to 300 seconds ({@code "5s"}).
	 * @return the window
	 */
	String maxBatchingWindow() default "0s";

	/**
	 * Most concurrent invocations, 2 to 1000; 0 for Lambda's default.
	 * @return the maximum concurrency
	 */
	int maximumConcurrency() default 0;

	/**
	 * Lambda filter patterns; a message matches when any pattern does. A JSON body is matched as
	 * JSON under {@code body}.
	 * @return the patterns
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
