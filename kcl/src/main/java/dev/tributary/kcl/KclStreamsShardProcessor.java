package dev.tributary.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;

/**
 * {@link KclShardProcessor} for DynamoDB Streams: the adapter's scheduler accepts only record
 * processors of its own type, and hands them its own records input.
 *
 * @author Tributary
 */
final class KclStreamsShardProcessor extends KclShardProcessor<Record> implements DynamoDBStreamsShardRecordProcessor {

	KclStreamsShardProcessor(KclPipeline<Record> pipeline) {
		super(pipeline);
	}

	@Override
	public void processRecords(ProcessRecordsInput input) {
		super.processRecords(input);
	}

	@Override
	public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
		process(input.records(), input.checkpointer(), input.millisBehindLatest());
	}

}
