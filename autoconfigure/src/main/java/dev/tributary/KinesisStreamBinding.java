package dev.tributary;

import org.springframework.util.Assert;

/**
 * A processor bound to a Kinesis data stream.
 *
 * @param stream the stream: its id, physical name, and whether the application owns it
 * @param options the Kinesis stream settings of the processor
 * @author Tributary
 */
public record KinesisStreamBinding(KinesisStreamDescriptor stream, KinesisStreamOptions options) implements SourceBinding {

	public KinesisStreamBinding {
		Assert.notNull(stream, "'stream' must not be null");
		Assert.notNull(options, "'options' must not be null");
	}

	@Override
	public String describe() {
		return "Kinesis stream '" + this.stream.id() + "'";
	}

}
