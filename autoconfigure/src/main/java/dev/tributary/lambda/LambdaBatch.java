package dev.tributary.lambda;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a source's Lambda event holds, as the Lambda function needs it whatever the source: the
 * well-formed records before the first malformed one, in order, the ARN of the source they came
 * from, and that malformed record, if any.
 *
 * @param <R> the source's raw record type
 * @param records the well-formed records before the first malformed one
 * @param eventSourceArn the ARN of the stream (or queue) the batch came from, if the event says
 * @param malformed the first malformed record, or {@code null} when every record is well formed
 * @author Tributary
 */
public record LambdaBatch<R>(List<R> records, @Nullable String eventSourceArn, @Nullable Malformed malformed) {

	public LambdaBatch {
		Assert.notNull(records, "'records' must not be null");
	}

	/**
	 * The number of records in the event, counting the malformed one.
	 * @return the size
	 */
	public int size() {
		return this.records.size() + ((this.malformed != null) ? 1 : 0);
	}

	/**
	 * A record that cannot be handed to a processor, known by its item identifier.
	 *
	 * @param index its position in the event's {@code Records}
	 * @param itemIdentifier the identifier it is reported by
	 * @param description how messages name it besides its identifier, such as
	 * {@code " (event e3)"}, or empty
	 * @param reason what is wrong with it: field paths and shapes, never values
	 */
	public record Malformed(int index, String itemIdentifier, String description, String reason) {

		public Malformed {
			Assert.hasText(itemIdentifier, "'itemIdentifier' must not be empty");
			Assert.notNull(description, "'description' must not be null");
			Assert.hasText(reason, "'reason' must not be empty");
		}

	}

}
