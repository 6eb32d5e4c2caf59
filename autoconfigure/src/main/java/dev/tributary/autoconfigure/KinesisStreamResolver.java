package dev.tributary.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;

/**
 * Resolves the Kinesis streams processors are bound to: an id declared under
 * {@code tributary.streams.<id>} (physical name, capacity mode, shard count), an undeclared id
 * (a one-shard provisioned stream of that name), or the ARN of an existing stream, which the
 * application reads but never creates or deletes.
 *
 * @author Tributary
 */
class KinesisStreamResolver {

	private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

	private static final Pattern STREAM_ARN = Pattern
		.compile("arn:aws[a-zA-Z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/([a-zA-Z0-9_.-]{1,128})");

	private final Map<String, TributaryProperties.Stream> properties;

	private final Map<String, KinesisStreamDescriptor> resolved = new HashMap<>();

	KinesisStreamResolver(Map<String, TributaryProperties.Stream> properties) {
		this.properties = properties;
	}

	KinesisStreamDescriptor resolve(BoundValue<String> streamId) {
		return this.resolved.computeIfAbsent(streamId.value(), (id) -> describe(streamId));
	}

	private KinesisStreamDescriptor describe(BoundValue<String> streamId) {
		String id = streamId.value();
		if (id.startsWith("arn:")) {
			Matcher arn = STREAM_ARN.matcher(id);
			if (!arn.matches()) {
				throw new InvalidProcessorBindingException(streamId.source(), id,
						"It starts like an ARN but is not the ARN of a Kinesis data stream.",
						"Use an ARN such as arn:aws:kinesis:eu-west-1:123456789012:stream/orders, or the id of a "
								+ "stream declared under " + TributaryProperties.PREFIX + ".streams.");
			}
			return new KinesisStreamDescriptor(id, arn.group(1), id, KinesisStreamMode.PROVISIONED, 1);
		}
		TributaryProperties.Stream stream = this.properties.getOrDefault(id, new TributaryProperties.Stream());
		String name = (stream.getName() != null) ? stream.getName() : id;
		String nameSource = (stream.getName() != null) ? streamPropertyName(id, "name") : streamId.source();
		new BoundValue<>(name, nameSource).require((candidate) -> STREAM_NAME.matcher(candidate).matches(),
				"A Kinesis stream name has 1 to 128 characters: letters, digits, '_', '-' and '.'.");
		return new KinesisStreamDescriptor(id, name, null, stream.getMode(), shardCount(id, stream));
	}

	private static int shardCount(String id, TributaryProperties.Stream stream) {
		Integer shardCount = stream.getShardCount();
		if (stream.getMode() == KinesisStreamMode.ON_DEMAND) {
			if (shardCount != null) {
				throw new InvalidProcessorBindingException(streamPropertyName(id, "shard-count"),
						String.valueOf(shardCount), "An ON_DEMAND stream has no fixed shard count.",
						"Remove " + streamPropertyName(id, "shard-count") + ", or set "
								+ streamPropertyName(id, "mode") + " to PROVISIONED.");
			}
			return 1;
		}
		if (shardCount == null) {
			return 1;
		}
		if (shardCount < 1) {
			throw new InvalidProcessorBindingException(streamPropertyName(id, "shard-count"),
					String.valueOf(shardCount), "A provisioned stream has at least one shard.",
					"Set it to 1 or more.");
		}
		return shardCount;
	}

	static String streamPropertyName(String id, String property) {
		return TributaryProperties.PREFIX + ".streams." + id + "." + property;
	}

}
