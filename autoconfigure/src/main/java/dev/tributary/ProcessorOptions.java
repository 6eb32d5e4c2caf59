package dev.tributary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Resolved, validated settings of one processor that every shard source shares, with the
 * meaning of Lambda's event source mapping: batch size, batching window, retries, record age,
 * bisect on error, parallelization, filters and on-failure destination; and the queues the
 * processor sends to, which deploy grants it. Settings only one kind
 * of source has (a DynamoDB stream's view type and starting position) live in that source's
 * options on its {@link SourceBinding}, such as {@link DynamoDbStreamOptions}. Immutable; built
 * from the processor's annotation and the {@code tributary.processors.<name>.*} properties.
 *
 * @author Tributary
 */
public final class ProcessorOptions {

	/** Batch size Lambda uses when none is set. */
	public static final int DEFAULT_BATCH_SIZE = 100;

	/** Value of {@link #maxRetryAttempts()} meaning "until the record expires". */
	public static final int UNLIMITED = -1;

	private final int batchSize;

	private final Duration maxBatchingWindow;

	private final int maxRetryAttempts;

	private final @Nullable Duration maxRecordAge;

	private final boolean bisectOnError;

	private final int parallelizationFactor;

	private final @Nullable String onFailureDestination;

	private final List<String> filterPatterns;

	private final List<SqsQueueDescriptor> sendsTo;

	private ProcessorOptions(Builder builder) {
		this.batchSize = builder.batchSize;
		this.maxBatchingWindow = builder.maxBatchingWindow;
		this.maxRetryAttempts = builder.maxRetryAttempts;
		this.maxRecordAge = builder.maxRecordAge;
		this.bisectOnError = builder.bisectOnError;
		this.parallelizationFactor = builder.parallelizationFactor;
		this.onFailureDestination = builder.onFailureDestination;
		this.filterPatterns = List.copyOf(builder.filterPatterns);
		this.sendsTo = List.copyOf(builder.sendsTo);
	}

	/**
	 * Create a builder holding Lambda's defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Options with every default.
	 * @return the default options
	 */
	public static ProcessorOptions defaults() {
		return builder().build();
	}

	public int batchSize() {
		return this.batchSize;
	}

	public Duration maxBatchingWindow() {
		return this.maxBatchingWindow;
	}

	/**
	 * Maximum retries of a failed batch.
	 * @return the retry limit, or {@link #UNLIMITED}
	 */
	public int maxRetryAttempts() {
		return this.maxRetryAttempts;
	}

	/**
	 * Maximum age of a record still handed to the processor.
	 * @return the maximum age, empty for no limit
	 */
	public Optional<Duration> maxRecordAge() {
		return Optional.ofNullable(this.maxRecordAge);
	}

	public boolean bisectOnError() {
		return this.bisectOnError;
	}

	public int parallelizationFactor() {
		return this.parallelizationFactor;
	}

	/**
	 * SQS queue name or ARN that receives records once retries run out.
	 * @return the destination, empty when none is configured
	 */
	public Optional<String> onFailureDestination() {
		return Optional.ofNullable(this.onFailureDestination);
	}

	/**
	 * Lambda event filter patterns, as JSON.
	 * @return the patterns, empty to process every record
	 */
	public List<String> filterPatterns() {
		return this.filterPatterns;
	}

	/**
	 * The queues the processor sends messages to (with {@link SqsFanOut} or a client of its own):
	 * deploy grants {@code sqs:SendMessage} on exactly these.
	 * @return the target queues, empty when the processor sends nothing
	 */
	public List<SqsQueueDescriptor> sendsTo() {
		return this.sendsTo;
	}

	/**
	 * Create a builder initialized with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().batchSize(this.batchSize)
			.maxBatchingWindow(this.maxBatchingWindow)
			.maxRetryAttempts(this.maxRetryAttempts)
			.maxRecordAge(this.maxRecordAge)
			.bisectOnError(this.bisectOnError)
			.parallelizationFactor(this.parallelizationFactor)
			.onFailureDestination(this.onFailureDestination)
			.filterPatterns(this.filterPatterns)
			.sendsTo(this.sendsTo);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ProcessorOptions that)) {
			return false;
		}
		return this.batchSize == that.batchSize && this.maxBatchingWindow.equals(that.maxBatchingWindow)
				&& this.maxRetryAttempts == that.maxRetryAttempts
				&& Objects.equals(this.maxRecordAge, that.maxRecordAge) && this.bisectOnError == that.bisectOnError
				&& this.parallelizationFactor == that.parallelizationFactor
				&& Objects.equals(this.onFailureDestination, that.onFailureDestination)
				&& this.filterPatterns.equals(that.filterPatterns) && this.sendsTo.equals(that.sendsTo);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.batchSize, this.maxBatchingWindow,
				this.maxRetryAttempts, this.maxRecordAge, this.bisectOnError, this.parallelizationFactor,
				this.onFailureDestination, this.filterPatterns, this.sendsTo);
	}

	@Override
	public String toString() {
		return "ProcessorOptions[batchSize=" + this.batchSize + ", maxBatchingWindow=" + this.maxBatchingWindow
				+ ", maxRetryAttempts=" + this.maxRetryAttempts + ", maxRecordAge=" + this.maxRecordAge
				+ ", bisectOnError=" + this.bisectOnError + ", parallelizationFactor=" + this.parallelizationFactor
				+ ", onFailureDestination=" + this.onFailureDestination + ", filterPatterns=" + this.filterPatterns
				+ ", sendsTo=" + this.sendsTo.stream().map(SqsQueueDescriptor::id).toList() + "]";
	}

	/**
	 * Builder for {@link ProcessorOptions}. Range checks belong to the binding layer, which can
	 * name the offending property; the builder only rejects nulls.
	 */
	public static final class Builder {

		private int batchSize = DEFAULT_BATCH_SIZE;

		private Duration maxBatchingWindow = Duration.ZERO;

		private int maxRetryAttempts = UNLIMITED;

		private @Nullable Duration maxRecordAge;

		private boolean bisectOnError;

		private int parallelizationFactor = 1;

		private @Nullable String onFailureDestination;

		private List<String> filterPatterns = List.of();

		private List<SqsQueueDescriptor> sendsTo = List.of();

		private Builder() {
		}

		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		public Builder maxBatchingWindow(Duration maxBatchingWindow) {
			Assert.notNull(maxBatchingWindow, "'maxBatchingWindow' must not be null");
			this.maxBatchingWindow = maxBatchingWindow;
			return this;
		}

		public Builder maxRetryAttempts(int maxRetryAttempts) {
			this.maxRetryAttempts = maxRetryAttempts;
			return this;
		}

		public Builder maxRecordAge(@Nullable Duration maxRecordAge) {
			this.maxRecordAge = maxRecordAge;
			return this;
		}

		public Builder bisectOnError(boolean bisectOnError) {
			this.bisectOnError = bisectOnError;
			return this;
		}

		public Builder parallelizationFactor(int parallelizationFactor) {
			this.parallelizationFactor = parallelizationFactor;
			return this;
		}

		public Builder onFailureDestination(@Nullable String onFailureDestination) {
			this.onFailureDestination = (onFailureDestination == null || onFailureDestination.isBlank()) ? null
					: onFailureDestination;
			return this;
		}

		public Builder filterPatterns(List<String> filterPatterns) {
			Assert.notNull(filterPatterns, "'filterPatterns' must not be null");
			this.filterPatterns = filterPatterns;
			return this;
		}

		public Builder sendsTo(List<SqsQueueDescriptor> sendsTo) {
			Assert.notNull(sendsTo, "'sendsTo' must not be null");
			this.sendsTo = sendsTo;
			return this;
		}

		public ProcessorOptions build() {
			return new ProcessorOptions(this);
		}

	}

}
