package dev.tributary.benchmarks.baseline.spring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * B1 for Kinesis: the sample app's {@code logEvents} processor as a plain Spring Cloud Function
 * bean that takes the whole Kinesis event, with no Tributary. It does the same work as the plain
 * handler (B0): decodes each record's data as strict UTF-8, logs the sample app's line, reports
 * the first failed record by its sequence number.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class EventsFunctionConfiguration {

	private static final Log logger = LogFactory.getLog(EventsFunctionConfiguration.class);

	@Bean
	public Function<KinesisEvent, StreamsEventResponse> logEvents() {
		return (event) -> {
			for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
				try {
					String payload = utf8(record.getKinesis().getData());
					logger.info("EVENT: " + record.getKinesis().getPartitionKey() + " -> " + payload);
				}
				catch (RuntimeException ex) {
					return new StreamsEventResponse(List.of(StreamsEventResponse.BatchItemFailure.builder()
						.withItemIdentifier(record.getKinesis().getSequenceNumber())
						.build()));
				}
			}
			return new StreamsEventResponse(List.of());
		};
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
