package dev.tributary.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.processor.StreamTracker;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Builds one KCL {@link Scheduler} per processor, with the settings that make KCL work outside
 * EC2 and against an emulator, each found by a spike and explained where it is set.
 *
 * @author Tributary
 */
final class KclSchedulers {

	/** Most records a GetRecords call of DynamoDB Streams returns. */
	private static final int DYNAMODB_STREAMS_MAX_RECORDS = 1000;

	/** Most records a GetRecords call of Kinesis returns. */
	private static final int KINESIS_MAX_RECORDS = 10000;

	private final KclClients clients;

	private final KclOptions options;

	KclSchedulers(KclClients clients, KclOptions options) {
		this.clients = clients;
		this.options = options;
	}

	/**
	 * A scheduler reading a Kinesis stream.
	 * @param applicationName the KCL application (and lease table) name
	 * @param streamName the stream's name
	 * @param position where shards without a checkpoint start
	 * @param batchSize most records per batch
	 * @param processors makes a record processor per shard
	 * @return the scheduler, not started
	 */
	Scheduler kinesis(String applicationName, String streamName, InitialPositionInStreamExtended position,
			int batchSize, ShardRecordProcessorFactory processors) {
		StreamTracker tracker = new SingleStreamTracker(StreamIdentifier.singleStreamInstance(streamName), position);
		ConfigsBuilder configs = configs(tracker, applicationName, this.clients.kinesis(), processors);
		RetrievalConfig retrieval = configs.retrievalConfig()
			.retrievalSpecificConfig(polling(new PollingConfig(streamName, this.clients.kinesis()),
					Math.min(batchSize, KINESIS_MAX_RECORDS)));
		return new Scheduler(configs.checkpointConfig(), configs.coordinatorConfig(), leases(configs),
				configs.lifecycleConfig(), metrics(configs),
				configs.processorConfig(), retrieval);
	}

	/**
	 * A scheduler reading a DynamoDB table's stream through the adapter.
	 * @param applicationName the KCL application (and lease table) name
	 * @param streamArn the stream's ARN
	 * @param position where shards without a checkpoint start
	 * @param batchSize most records per batch
	 * @param processors makes a record processor per shard
	 * @return the scheduler, not started
	 */
	Scheduler dynamoDb(String applicationName, String streamArn, InitialPositionInStreamExtended position,
			int batchSize, ShardRecordProcessorFactory processors) {
		AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(this.clients.streams(),
				this.clients.connection().region());
		StreamTracker tracker = StreamsSchedulerFactory.createSingleStreamTracker(streamArn, position);
		ConfigsBuilder configs = configs(tracker, applicationName, adapter, processors);
		// The adapter's factory sets this itself, but only after it built the lease management
		// factory with the default: the first shard sync would then wait 60 s.
		LeaseManagementConfig leases = leases(configs).shardSyncIntervalMillis(0);
		RetrievalConfig retrieval = configs.retrievalConfig()
			.retrievalSpecificConfig(polling(new DynamoDBStreamsPollingConfig(adapter),
					Math.min(batchSize, DYNAMODB_STREAMS_MAX_RECORDS)));
		return StreamsSchedulerFactory.createScheduler(configs.checkpointConfig(), configs.coordinatorConfig(),
				leases, configs.lifecycleConfig(), metrics(configs),
				configs.processorConfig(), retrieval, adapter);
	}

	/**
	 * KCL's own metrics: none unless asked for, and then to CloudWatch on the application's
	 * endpoint. Without a level KCL still starts a CloudWatch publisher; the null factory does not.
	 */
	private MetricsConfig metrics(ConfigsBuilder configs) {
		MetricsConfig metrics = configs.metricsConfig().metricsLevel(this.options.metricsLevel());
		return (this.options.metricsLevel() == MetricsLevel.NONE) ? metrics.metricsFactory(new NullMetricsFactory())
				: metrics;
	}

	private ConfigsBuilder configs(StreamTracker tracker, String applicationName, KinesisAsyncClient kinesis,
			ShardRecordProcessorFactory processors) {
		return new ConfigsBuilder(tracker, applicationName, kinesis, this.clients.dynamoDb(),
				this.clients.cloudWatch(), this.options.workerId(), processors);
	}

	private LeaseManagementConfig leases(ConfigsBuilder configs) {
		LeaseManagementConfig leases = configs.leaseManagementConfig()
			.failoverTimeMillis(this.options.failoverTime().toMillis());
		// Else every worker probes the EC2 instance metadata address, with 5 s timeouts, to measure
		// its own CPU: off EC2 (a laptop, a container elsewhere, CI) that only delays startup.
		leases.workerUtilizationAwareAssignmentConfig()
			.disableWorkerMetrics(true)
			// The leader assigns leases only to workers that reported lately (every 30 s by default):
			// a new worker would wait up to that long for its first lease, and a dead one would be
			// noticed as late. A third of the failover time, as lease renewals.
			.workerMetricsReporterFreqInMillis(Math.max(1000, this.options.failoverTime().toMillis() / 3));
		return leases;
	}

	private PollingConfig polling(PollingConfig polling, int maxRecords) {
		polling.maxRecords(maxRecords);
		polling.idleTimeBetweenReadsInMillis(this.options.idleTimeBetweenReads().toMillis());
		return polling;
	}

}
