package dev.tributary.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.StreamProcessorRegistry;
import jakarta.servlet.http.HttpServletRequest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Puts events on the {@code Events} Kinesis stream: {@code POST /events/{key}} with a text body
 * puts one record with that partition key, which the {@code logEvents} processor logs.
 *
 * <p>
 * A bean in web applications that have the Kinesis client: locally, not on Lambda, where the
 * artifact leaves the Kinesis client out (the API function serves {@code /items} only).
 *
 * @author Tributary
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnClass(name = "software.amazon.awssdk.services.kinesis.KinesisClient")
@RequestMapping("/events")
public class EventsController {

	private final KinesisClient kinesis;

	private final String streamName;

	public EventsController(KinesisClient kinesis, StreamProcessorRegistry registry) {
		this.kinesis = kinesis;
		// The registry knows the stream's physical name for this stage (tributary.streams.Events.name).
		this.streamName = registry.getStreams()
			.stream()
			.filter((stream) -> stream.id().equals("Events"))
			.map(KinesisStreamDescriptor::name)
			.findFirst()
			.orElse("Events");
	}

	/**
	 * Put the request's body, as sent, on the stream.
	 * @param key the partition key
	 * @param request the request, whose body is read as it arrived: {@code curl --data} sends a
	 * form content type, and Spring would hand a form POST's body over re-encoded from its
	 * parameters ({@code hello} would become {@code hello=})
	 * @return where the record went
	 * @throws IOException if the body cannot be read
	 */
	@PostMapping("/{key}")
	public ResponseEntity<PutEvent> post(@PathVariable String key, HttpServletRequest request) throws IOException {
		String body = StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
		PutRecordResponse response = this.kinesis.putRecord((put) -> put.streamName(this.streamName)
			.partitionKey(key)
			.data(SdkBytes.fromString(body, StandardCharsets.UTF_8)));
		return ResponseEntity.accepted().body(new PutEvent(key, response.shardId(), response.sequenceNumber()));
	}

	/**
	 * Where an event was put.
	 *
	 * @param key the partition key
	 * @param shardId the shard that holds the record
	 * @param sequenceNumber the record's sequence number in the shard
	 */
	public record PutEvent(String key, String shardId, String sequenceNumber) {

	}

}
