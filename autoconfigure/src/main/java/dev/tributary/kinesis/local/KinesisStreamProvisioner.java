package dev.tributary.kinesis.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import org.springframework.util.Assert;

/**
 * Makes sure every Kinesis stream a processor reads exists in the emulator: a stream the
 * application owns is created with its capacity mode and shard count when it is missing (an
 * existing one is read as it is, with the shards it has); a stream named by its ARN must exist
 * already, since the application never creates it.
 *
 * @author Tributary
 */
public final class KinesisStreamProvisioner {

	private static final Log logger = LogFactory.getLog(KinesisStreamProvisioner.class);

	private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

	private final KinesisClient client;

	/**
	 * Create a provisioner.
	 * @param client the Kinesis client
	 */
	public KinesisStreamProvisioner(KinesisClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	/**
	 * Provision streams.
	 * @param streams the streams the processors read
	 * @return the ARN of each stream, by stream id
	 * @throws IllegalStateException if a stream named by its ARN does not exist, or a stream does
	 * not become active
	 */
	public Map<String, String> provision(Iterable<KinesisStreamDescriptor> streams) {
		Map<String, String> arns = new LinkedHashMap<>();
		for (KinesisStreamDescriptor stream : streams) {
			arns.put(stream.id(), provision(stream));
		}
		return arns;
	}

	private String provision(KinesisStreamDescriptor stream) {
		if (stream.isExisting()) {
			try {
				return awaitActive(describe(stream.arn(), true).streamARN(), stream.arn(), true);
			}
			catch (ResourceNotFoundException ex) {
				throw new IllegalStateException("Kinesis stream " + stream.arn() + " does not exist in the AWS "
						+ "endpoint the local runtime uses. A stream named by its ARN is never created: create it "
						+ "first, or declare it under tributary.streams.<id> and bind the processor to the "
						+ "id so that the application creates it", ex);
			}
		}
		try {
			StreamDescriptionSummary existing = describe(stream.name(), false);
			logger.debug("Kinesis stream '" + stream.name() + "' exists with " + existing.openShardCount()
					+ " open shard(s)");
			return awaitActive(existing.streamARN(), stream.name(), false);
		}
		catch (ResourceNotFoundException ex) {
			create(stream);
			return awaitActive(null, stream.name(), false);
		}
	}

	private void create(KinesisStreamDescriptor stream) {
		try {
			this.client.createStream((request) -> {
				request.streamName(stream.name());
				if (stream.mode() == KinesisStreamMode.ON_DEMAND) {
					request.streamModeDetails((mode) -> mode.streamMode(StreamMode.ON_DEMAND));
				}
				else {
					request.shardCount(stream.shardCount());
				}
			});
			logger.info("Created Kinesis stream '" + stream.name() + "' ("
					+ ((stream.mode() == KinesisStreamMode.ON_DEMAND) ? "on demand"
							: stream.shardCount() + " shard(s)")
					+ ")");
		}
		catch (ResourceInUseException ex) {
			logger.debug("Kinesis stream '" + stream.name() + "' was created meanwhile");
		}
	}

	private String awaitActive(@Nullable String knownArn, String stream, boolean byArn) {
		long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
		while (true) {
			StreamDescriptionSummary summary = describe(stream, byArn);
			if (summary.streamStatus() == StreamStatus.ACTIVE || summary.streamStatus() == StreamStatus.UPDATING) {
				return (knownArn != null) ? knownArn : summary.streamARN();
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Kinesis stream '" + stream + "' is still " + summary.streamStatus()
						+ " after " + ACTIVE_TIMEOUT.toSeconds() + " s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for Kinesis stream '" + stream + "'", ex);
			}
		}
	}

	private StreamDescriptionSummary describe(String stream, boolean byArn) {
		return this.client
			.describeStreamSummary((request) -> {
				if (byArn) {
					request.streamARN(stream);
				}
				else {
					request.streamName(stream);
				}
			})
			.streamDescriptionSummary();
	}

}
