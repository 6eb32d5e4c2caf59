package dev.tributary.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisEvent;
import dev.tributary.kinesis.KinesisEvent.MalformedRecord;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.kinesis.KplDeaggregator;
import dev.tributary.kinesis.LambdaEventException;

import org.springframework.util.Assert;

/**
 * Reads a Kinesis processor's events with the {@link KinesisEventCodec} and expands records
 * aggregated by the Kinesis Producer Library with the {@link KplDeaggregator} (user records of
 * one aggregate share its sequence number, which is what a failure reports); an event it cannot
 * take is a {@link KinesisStreamEventException} naming the processor.
 *
 * @author Tributary
 */
final class KinesisEventReader implements LambdaEventReader<KinesisDataRecord> {

	private final KinesisEventCodec codec;

	private final KplDeaggregator deaggregator = new KplDeaggregator();

	private final String processorName;

	KinesisEventReader(KinesisEventCodec codec, String processorName) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.hasText(processorName, "'processorName' must not be empty");
		this.codec = codec;
		this.processorName = processorName;
	}

	@Override
	public LambdaBatch<KinesisDataRecord> read(InputStream input) {
		KinesisEvent event;
		try {
			event = this.codec.read(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the Lambda event for processor '" + this.processorName + "'",
					ex);
		}
		catch (LambdaEventException ex) {
			throw new KinesisStreamEventException("Processor '" + this.processorName
					+ "' reads a Kinesis stream and cannot take this event. " + ex.getMessage(), ex);
		}
		List<KinesisDataRecord> records = this.deaggregator.deaggregate(event.records());
		String eventSourceArn = records.isEmpty() ? null : records.get(0).eventSourceArn();
		MalformedRecord malformed = event.malformed();
		return new LambdaBatch<>(records, eventSourceArn, (malformed != null) ? new LambdaBatch.Malformed(
				malformed.index(), malformed.sequenceNumber(), "", malformed.reason()) : null);
	}

}
