package dev.tributary.test.processor;

import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on a {@link BatchResult}, reached with {@code assertThat(result)}.
 *
 * @author Tributary
 */
public class BatchResultAssert extends AbstractAssert<BatchResultAssert, BatchResult> {

	/**
	 * Create assertions on a result.
	 * @param actual the result
	 */
	public BatchResultAssert(BatchResult actual) {
		super(actual, BatchResultAssert.class);
	}

	/**
	 * Verify that the response names no failure: every record was processed.
	 * @return this
	 */
	public BatchResultAssert hasNoBatchItemFailures() {
		isNotNull();
		if (!this.actual.isSuccess()) {
			failWithMessage("Expected processor '%s' to process every record but Lambda got %s",
					this.actual.processorName(), this.actual.response());
		}
		return this;
	}

	/**
	 * Verify that the response names exactly these item identifiers, in this order.
	 * @param itemIdentifiers the identifiers: a sequence number for a stream, the failed message
	 * ids for a queue
	 * @return this
	 */
	public BatchResultAssert hasBatchItemFailures(String... itemIdentifiers) {
		isNotNull();
		if (!this.actual.batchItemFailures().equals(List.of(itemIdentifiers))) {
			failWithMessage("Expected batchItemFailures %s from processor '%s' but Lambda got %s",
					List.of(itemIdentifiers), this.actual.processorName(), this.actual.response());
		}
		return this;
	}

	/**
	 * Verify that Lambda counts exactly these records as processed, in this order.
	 * @param itemIdentifiers the identifiers of the processed records
	 * @return this
	 */
	public BatchResultAssert hasProcessed(String... itemIdentifiers) {
		isNotNull();
		if (!this.actual.processedItemIdentifiers().equals(List.of(itemIdentifiers))) {
			failWithMessage("Expected records %s to be processed by '%s' but Lambda counts %s as processed (%s)",
					List.of(itemIdentifiers), this.actual.processorName(),
					this.actual.processedItemIdentifiers(), this.actual.response());
		}
		return this;
	}

	/**
	 * Assertions on the item identifiers of the records Lambda counts as processed.
	 * @return a list assert
	 */
	public ListAssert<String> processedItemIdentifiers() {
		isNotNull();
		return Assertions.assertThat(this.actual.processedItemIdentifiers());
	}

	/**
	 * Assertions on the item identifiers of the records Lambda retries.
	 * @return a list assert
	 */
	public ListAssert<String> retriedItemIdentifiers() {
		isNotNull();
		return Assertions.assertThat(this.actual.retriedItemIdentifiers());
	}

}
