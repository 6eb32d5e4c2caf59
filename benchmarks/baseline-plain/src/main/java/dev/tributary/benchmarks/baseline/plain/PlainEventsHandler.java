package dev.tributary.benchmarks.baseline.plain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * B0 for Kinesis: the sample app's {@code logEvents} processor written as a plain Lambda
 * handler, with no framework. It decodes every record's data as UTF-8 (strictly, as Tributary
 * maps a {@code String} payload, so that data that is not text fails its record), logs the same
 * line as the sample app and reports the first failed record by its sequence number.
 *
 * @author Tributary
 */
public class PlainEventsHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

	@Override
	public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
		LambdaLogger logger = context.getLogger();
		for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
			try {
				String payload = utf8(record.getKinesis().getData());
				// Built whether or not INFO is enabled, like the sample app's log line.
				String line = "EVENT: " + record.getKinesis().getPartitionKey() + " -> " + payload;
				logger.log(line, LogLevel.INFO);
			}
			catch (RuntimeException ex) {
				// Stream semantics: retry from the first record that failed.
				return new StreamsEventResponse(List.of(StreamsEventResponse.BatchItemFailure.builder()
					.withItemIdentifier(record.getKinesis().getSequenceNumber())
					.build()));
			}
		}
		return new StreamsEventResponse(List.of());
	}

	// As Tributary maps a String payload: the String constructor is fast and turns malformed
	// input into U+FFFD, so only text that holds one is decoded again strictly.
	private static String utf8(ByteBuffer data) {
		String text;
		if (data.hasArray()) {
			text = new String(data.array(), data.arrayOffset() + data.position(), data.remaining(),
					StandardCharsets.UTF_8);
		}
		else {
			text = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
		}
		return (text.indexOf('\uFFFD') < 0) ? text : strictUtf8(data);
	}

	private static String strictUtf8(ByteBuffer data) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(data.duplicate()).toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("The record's data is not valid UTF-8 text", ex);
		}
	}

}
