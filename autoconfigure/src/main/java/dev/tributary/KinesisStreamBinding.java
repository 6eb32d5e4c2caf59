package dev.tributary;

import org.springframework.util.Assert;

/**
 * A processor bound to a Kinesis data stream.
 *
 * @param stream the stream's name or ARN
 * @param options the Kinesis stream settings of the processor
 * @author Tributary
 */
public record KinesisStreamBinding(String stream, KinesisStreamOptions options) implements SourceBinding {

	public KinesisStreamBinding {
		Assert.hasText(stream, "'stream' must not be empty");
		Assert.notNull(options, "'options' must not be null");
	}

	@Override
	public String describe() {
		return "Kinesis stream '" + this.stream + "'";
	}

}
