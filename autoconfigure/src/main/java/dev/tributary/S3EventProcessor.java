package dev.tributary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a {@code Function<Flux<S3EventRecord>, Mono<Void>>} bean to a bucket's event
 * notifications:
 * <pre class="code">
 * &#64;Bean
 * &#64;S3EventProcessor(bucket = "Files", events = "s3:ObjectCreated:*", suffix = ".txt")
 * Function&lt;Flux&lt;S3EventRecord&gt;, Mono&lt;Void&gt;&gt; logObjects() { ... }
 * </pre>
 * Every attribute can be overridden per stage with the {@code tributary.processors.<beanName>.*}
 * property of the same meaning, which wins; the bucket's physical name is
 * {@code tributary.buckets.<id>.name}. Notifications come through a queue of the processor's own
 * by default ({@link S3Delivery#SQS}): the batch settings are those of
 * {@link SqsQueueProcessor}.
 *
 * @author Tributary
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface S3EventProcessor {

	/**
	 * Alias for {@link #bucket()}.
	 * @return the bucket id or ARN
	 */
	@AliasFor("bucket")
	String value() default "";

	/**
	 * The id of the bucket (declared under {@code tributary.buckets.<id>}, else a bucket named
	 * after the id in lower case), or the ARN of an existing bucket ({@code arn:aws:s3:::name}).
	 * @return the bucket id or ARN
	 */
	@AliasFor("value")
	String bucket() default "";

	/**
	 * The S3 event types to receive, such as {@code s3:ObjectCreated:*} or
	 * {@code s3:ObjectRemoved:Delete}.
	 * @return the event types
	 */
	String[] events() default { "s3:ObjectCreated:*" };

	/**
	 * Only keys that start with this, such as {@code "incoming/"}; empty for any.
	 * @return the prefix
	 */
	String prefix() default "";

	/**
	 * Only keys that end with this, such as {@code ".json"}; empty for any.
	 * @return the suffix
	 */
	String suffix() default "";

	/**
	 * How notifications reach the processor: through its own queue (the default) or directly.
	 * @return the delivery
	 */
	S3Delivery delivery() default S3Delivery.SQS;

	/**
	 * Most records per invocation through the queue: 1 to 10,000 (above 10 needs a batching
	 * window). Direct delivery is one record per invocation.
	 * @return the batch size
	 */
	int batchSize() default 10;

	/**
	 * Longest time to gather a batch from the queue, 0 to 300 seconds ({@code "5s"}).
	 * @return the window
	 */
	String maxBatchingWindow() default "0s";

	/**
	 * Most concurrent invocations from the queue, 2 to 1000; 0 for Lambda's default.
	 * @return the maximum concurrency
	 */
	int maximumConcurrency() default 0;

	/**
	 * Whether the processor reads the objects its events point at (with {@link S3Objects}):
	 * deploy then grants its role {@code s3:GetObject} and {@code s3:GetObjectVersion} on exactly
	 * the bucket's keys under the prefix, and nothing on the bucket otherwise.
	 * @return whether the processor reads objects
	 */
	boolean readsObjects() default false;

	/**
	 * The queues this processor sends messages to (see {@link DynamoDbStreamProcessor#sendsTo()}).
	 * @return the target queues, none by default
	 */
	String[] sendsTo() default {};

}
