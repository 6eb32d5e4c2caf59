package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.KeyAttribute.ScalarType;
import dev.tributary.KinesisStreamMode;
import dev.tributary.S3Delivery;
import dev.tributary.StartingPosition;
import dev.tributary.StreamViewType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties binding stream processors to tables.
 * <p>
 * Processor settings have no field defaults on purpose: a value left unset falls back to the
 * {@code @DynamoDbStreamProcessor} annotation and then to Lambda's default, so a property only
 * overrides what it names.
 *
 * @author Tributary
 */
@ConfigurationProperties(prefix = TributaryProperties.PREFIX)
public class TributaryProperties {

	/** Prefix of Tributary's properties. */
	public static final String PREFIX = "tributary";

	/**
	 * Runtime that feeds DynamoDB Streams and Kinesis processors outside Lambda: 'local', the
	 * single-host shard engine, or 'kcl', the Kinesis Client Library on several hosts (needs the
	 * dev.tributary:tributary-kcl module). SQS and S3 processors run on the local queue engine
	 * with either.
	 */
	private Runtime runtime = Runtime.LOCAL;

	/**
	 * Processor settings by processor bean name. They override the processor's
	 * {@code @DynamoDbStreamProcessor} annotation, or bind a processor that has none.
	 */
	private Map<String, Processor> processors = new LinkedHashMap<>();

	/**
	 * Tables by the id processors use in their binding.
	 */
	private Map<String, Table> tables = new LinkedHashMap<>();

	/**
	 * Kinesis data streams by the id processors use in their binding.
	 */
	private Map<String, Stream> streams = new LinkedHashMap<>();

	/**
	 * SQS queues by the id processors use in their binding.
	 */
	private Map<String, Queue> queues = new LinkedHashMap<>();

	/**
	 * S3 buckets by the id S3 event processors use in their binding.
	 */
	private Map<String, Bucket> buckets = new LinkedHashMap<>();

	public Runtime getRuntime() {
		return this.runtime;
	}

	public void setRuntime(Runtime runtime) {
		this.runtime = runtime;
	}

	public Map<String, Processor> getProcessors() {
		return this.processors;
	}

	public void setProcessors(Map<String, Processor> processors) {
		this.processors = processors;
	}

	public Map<String, Table> getTables() {
		return this.tables;
	}

	public void setTables(Map<String, Table> tables) {
		this.tables = tables;
	}

	public Map<String, Stream> getStreams() {
		return this.streams;
	}

	public void setStreams(Map<String, Stream> streams) {
		this.streams = streams;
	}

	public Map<String, Queue> getQueues() {
		return this.queues;
	}

	public void setQueues(Map<String, Queue> queues) {
		this.queues = queues;
	}

	public Map<String, Bucket> getBuckets() {
		return this.buckets;
	}

	public void setBuckets(Map<String, Bucket> buckets) {
		this.buckets = buckets;
	}

	/**
	 * What feeds shard processors outside Lambda.
	 */
	public enum Runtime {

		/** The local runtime's shard engine: one host, leases in the checkpoint table. */
		LOCAL,

		/** The Kinesis Client Library 3 (module {@code tributary-kcl}): several hosts. */
		KCL

	}

	/**
	 * Settings of one processor.
	 */
	public static class Processor {

		/**
		 * Id of the table whose stream feeds the processor.
		 */
		private @Nullable String table;

		/**
		 * Id of the Kinesis stream a Kinesis processor reads (see {@code tributary.streams}),
		 * or the ARN of an existing stream. Overrides {@code @KinesisStreamProcessor(stream)}.
		 */
		private @Nullable String stream;

		/**
		 * Id of the SQS queue an SQS processor reads (see {@code tributary.queues}), or the ARN
		 * of an existing queue.
		 */
		private @Nullable String queue;

		/**
		 * Most concurrent invocations of an SQS processor (or of an S3 processor reading its
		 * notification queue), 2 to 1000.
		 */
		private @Nullable Integer maximumConcurrency;

		/**
		 * Id of the bucket an S3 event processor reads the notifications of (see
		 * {@code tributary.buckets}), or the ARN of an existing bucket.
		 */
		private @Nullable String bucket;

		/**
		 * S3 event types an S3 event processor receives, such as s3:ObjectCreated:*. Defaults to
		 * s3:ObjectCreated:*.
		 */
		private @Nullable List<String> events;

		/**
		 * Key prefix of the objects an S3 event processor receives events of. Defaults to any.
		 */
		private @Nullable String prefix;

		/**
		 * Key suffix of the objects an S3 event processor receives events of. Defaults to any.
		 */
		private @Nullable String suffix;

		/**
		 * How S3 delivers notifications to an S3 event processor: SQS (its own queue) or
		 * DIRECT. Defaults to SQS.
		 */
		private @Nullable S3Delivery delivery;

		/**
		 * Whether an S3 event processor reads the objects its events point at: deploy then grants
		 * its role s3:GetObject on the bucket's keys under the prefix. Defaults to false.
		 */
		private @Nullable Boolean readsObjects;

		/**
		 * What the stream carries for each change. Defaults to KEYS_ONLY.
		 */
		private @Nullable StreamViewType viewType;

		/**
		 * Where to start reading the first time: LATEST or TRIM_HORIZON (and AT_TIMESTAMP for a
		 * Kinesis processor). Defaults to LATEST.
		 */
		private @Nullable StartingPosition startingPosition;

		/**
		 * Point in time (an ISO-8601 instant such as 2026-01-31T12:00:00Z) a Kinesis
		 * processor starts reading from, with the starting position AT_TIMESTAMP. Overrides
		 * {@code @KinesisStreamProcessor(startingPositionTimestamp)}.
		 */
		private @Nullable String startingPositionTimestamp;

		/**
		 * Maximum number of records in one batch, 1 to 10000. Defaults to 100.
		 */
		private @Nullable Integer batchSize;

		/**
		 * Maximum time to gather records before invoking the processor, up to 5 minutes.
		 * Defaults to no wait.
		 */
		private @Nullable Duration maxBatchingWindow;

		/**
		 * Maximum number of retries of a failed batch, 0 to 10000, or -1 to retry until the
		 * record expires. Defaults to -1.
		 */
		private @Nullable Integer maxRetryAttempts;

		/**
		 * Maximum age of a record the processor is still given, 60 seconds to 7 days. Defaults
		 * to no limit.
		 */
		private @Nullable Duration maxRecordAge;

		/**
		 * Whether a failed batch is split in two and each half retried separately. Defaults to
		 * false.
		 */
		private @Nullable Boolean bisectOnError;

		/**
		 * Number of batches processed concurrently per shard, 1 to 10. Defaults to 1.
		 */
		private @Nullable Integer parallelizationFactor;

		/**
		 * SQS queue name or ARN, or SNS topic ARN, receiving records once retries run out.
		 * Defaults to none: such records are logged at ERROR and counted.
		 */
		private @Nullable String onFailure;

		/**
		 * Lambda event filter patterns (JSON). A record is processed when it matches any
		 * pattern. Replaces the annotation's patterns when set.
		 */
		private @Nullable List<String> filterPatterns;

		/**
		 * Queues the processor sends messages to (ids of tributary.queues, queue names or ARNs):
		 * deploy grants sqs:SendMessage on exactly these. Replaces the annotation's sendsTo when
		 * set.
		 */
		private @Nullable List<String> sendsTo;

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable String getQueue() {
			return this.queue;
		}

		public void setQueue(@Nullable String queue) {
			this.queue = queue;
		}

		public @Nullable Integer getMaximumConcurrency() {
			return this.maximumConcurrency;
		}

		public void setMaximumConcurrency(@Nullable Integer maximumConcurrency) {
			this.maximumConcurrency = maximumConcurrency;
		}

		public @Nullable String getBucket() {
			return this.bucket;
		}

		public void setBucket(@Nullable String bucket) {
			this.bucket = bucket;
		}

		public @Nullable List<String> getEvents() {
			return this.events;
		}

		public void setEvents(@Nullable List<String> events) {
			this.events = events;
		}

		public @Nullable String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(@Nullable String prefix) {
			this.prefix = prefix;
		}

		public @Nullable String getSuffix() {
			return this.suffix;
		}

		public void setSuffix(@Nullable String suffix) {
			this.suffix = suffix;
		}

		public @Nullable S3Delivery getDelivery() {
			return this.delivery;
		}

		public void setDelivery(@Nullable S3Delivery delivery) {
			this.delivery = delivery;
		}

		public @Nullable Boolean getReadsObjects() {
			return this.readsObjects;
		}

		public void setReadsObjects(@Nullable Boolean readsObjects) {
			this.readsObjects = readsObjects;
		}

		public @Nullable String getStream() {
			return this.stream;
		}

		public void setStream(@Nullable String stream) {
			this.stream = stream;
		}

		public @Nullable StreamViewType getViewType() {
			return this.viewType;
		}

		public void setViewType(@Nullable StreamViewType viewType) {
			this.viewType = viewType;
		}

		public @Nullable StartingPosition getStartingPosition() {
			return this.startingPosition;
		}

		public void setStartingPosition(@Nullable StartingPosition startingPosition) {
			this.startingPosition = startingPosition;
		}

		public @Nullable String getStartingPositionTimestamp() {
			return this.startingPositionTimestamp;
		}

		public void setStartingPositionTimestamp(@Nullable String startingPositionTimestamp) {
			this.startingPositionTimestamp = startingPositionTimestamp;
		}

		public @Nullable Integer getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(@Nullable Integer batchSize) {
			this.batchSize = batchSize;
		}

		public @Nullable Duration getMaxBatchingWindow() {
			return this.maxBatchingWindow;
		}

		public void setMaxBatchingWindow(@Nullable Duration maxBatchingWindow) {
			this.maxBatchingWindow = maxBatchingWindow;
		}

		public @Nullable Integer getMaxRetryAttempts() {
			return this.maxRetryAttempts;
		}

		public void setMaxRetryAttempts(@Nullable Integer maxRetryAttempts) {
			this.maxRetryAttempts = maxRetryAttempts;
		}

		public @Nullable Duration getMaxRecordAge() {
			return this.maxRecordAge;
		}

		public void setMaxRecordAge(@Nullable Duration maxRecordAge) {
			this.maxRecordAge = maxRecordAge;
		}

		public @Nullable Boolean getBisectOnError() {
			return this.bisectOnError;
		}

		public void setBisectOnError(@Nullable Boolean bisectOnError) {
			this.bisectOnError = bisectOnError;
		}

		public @Nullable Integer getParallelizationFactor() {
			return this.parallelizationFactor;
		}

		public void setParallelizationFactor(@Nullable Integer parallelizationFactor) {
			this.parallelizationFactor = parallelizationFactor;
		}

		public @Nullable String getOnFailure() {
			return this.onFailure;
		}

		public void setOnFailure(@Nullable String onFailure) {
			this.onFailure = onFailure;
		}

		public @Nullable List<String> getFilterPatterns() {
			return this.filterPatterns;
		}

		public void setFilterPatterns(@Nullable List<String> filterPatterns) {
			this.filterPatterns = filterPatterns;
		}

		public @Nullable List<String> getSendsTo() {
			return this.sendsTo;
		}

		public void setSendsTo(@Nullable List<String> sendsTo) {
			this.sendsTo = sendsTo;
		}

	}

	/**
	 * A table processors read from.
	 */
	public static class Table {

		/**
		 * Physical table name, which may differ per stage. Defaults to the table's id.
		 */
		private @Nullable String name;

		/**
		 * Name of the partition key attribute, when the record type does not declare one with
		 * {@code @DynamoDbPartitionKey}.
		 */
		private @Nullable String partitionKey;

		/**
		 * Type of the partition key attribute: S, N or B.
		 */
		private ScalarType partitionKeyType = ScalarType.S;

		/**
		 * Name of the sort key attribute, when the table has one and the record type does not
		 * declare it with {@code @DynamoDbSortKey}.
		 */
		private @Nullable String sortKey;

		/**
		 * Type of the sort key attribute: S, N or B.
		 */
		private ScalarType sortKeyType = ScalarType.S;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getPartitionKey() {
			return this.partitionKey;
		}

		public void setPartitionKey(@Nullable String partitionKey) {
			this.partitionKey = partitionKey;
		}

		public ScalarType getPartitionKeyType() {
			return this.partitionKeyType;
		}

		public void setPartitionKeyType(ScalarType partitionKeyType) {
			this.partitionKeyType = partitionKeyType;
		}

		public @Nullable String getSortKey() {
			return this.sortKey;
		}

		public void setSortKey(@Nullable String sortKey) {
			this.sortKey = sortKey;
		}

		public ScalarType getSortKeyType() {
			return this.sortKeyType;
		}

		public void setSortKeyType(ScalarType sortKeyType) {
			this.sortKeyType = sortKeyType;
		}

	}

	/**
	 * A Kinesis data stream processors read from.
	 */
	public static class Stream {

		/**
		 * Physical stream name, which may differ per stage. Defaults to the stream's id.
		 */
		private @Nullable String name;

		/**
		 * Capacity mode of the stream: PROVISIONED (a fixed shard count) or ON_DEMAND.
		 */
		private KinesisStreamMode mode = KinesisStreamMode.PROVISIONED;

		/**
		 * Number of shards of a PROVISIONED stream. Not used with ON_DEMAND.
		 */
		private @Nullable Integer shardCount;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public KinesisStreamMode getMode() {
			return this.mode;
		}

		public void setMode(KinesisStreamMode mode) {
			this.mode = mode;
		}

		public @Nullable Integer getShardCount() {
			return this.shardCount;
		}

		public void setShardCount(@Nullable Integer shardCount) {
			this.shardCount = shardCount;
		}

	}

	/**
	 * An S3 bucket S3 event processors read the notifications of.
	 */
	public static class Bucket {

		/**
		 * Physical bucket name, which may differ per stage (bucket names are global across
		 * accounts). Defaults to the bucket's id in lower case.
		 */
		private @Nullable String name;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

	}

	/**
	 * An SQS queue processors read from.
	 */
	public static class Queue {

		/**
		 * Physical queue name, which may differ per stage. Defaults to the queue's id (with
		 * ".fifo" added for a FIFO queue).
		 */
		private @Nullable String name;

		/**
		 * Whether the queue is a FIFO queue.
		 */
		private boolean fifo;

		/**
		 * How long a received message stays invisible to other receivers, 0 to 12 hours.
		 */
		private Duration visibilityTimeout = Duration.ofSeconds(30);

		/**
		 * The queue failed messages move to.
		 */
		private final DeadLetter deadLetter = new DeadLetter();

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public boolean isFifo() {
			return this.fifo;
		}

		public void setFifo(boolean fifo) {
			this.fifo = fifo;
		}

		public Duration getVisibilityTimeout() {
			return this.visibilityTimeout;
		}

		public void setVisibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
		}

		public DeadLetter getDeadLetter() {
			return this.deadLetter;
		}

		/**
		 * The dead-letter queue of a queue.
		 */
		public static class DeadLetter {

			/**
			 * Physical name of the dead-letter queue; none when unset.
			 */
			private @Nullable String queue;

			/**
			 * Receives before a message moves to the dead-letter queue, 1 to 1000.
			 */
			private int maxReceiveCount = 5;

			public @Nullable String getQueue() {
				return this.queue;
			}

			public void setQueue(@Nullable String queue) {
				this.queue = queue;
			}

			public int getMaxReceiveCount() {
				return this.maxReceiveCount;
			}

			public void setMaxReceiveCount(int maxReceiveCount) {
				this.maxReceiveCount = maxReceiveCount;
			}

		}

	}

}
