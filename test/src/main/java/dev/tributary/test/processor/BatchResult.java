package dev.tributary.test.processor;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.AssertProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Lambda gets back from one invocation of a processor, and what it does next: the
 * {@code batchItemFailures} of the response, and from them which records of the batch count as
 * processed. For a stream (DynamoDB, Kinesis) Lambda checkpoints before the first failed record
 * and retries from it; for a queue (SQS) it deletes every message the response does not name.
 * Either way the processed records are those before the first failure, since Tributary names a
 * queue's failed message and every message after it.
 * <p>
 * Use it with AssertJ: {@code assertThat(result).hasBatchItemFailures("300")}.
 *
 * @author Tributary
 */
public final class BatchResult implements AssertProvider<BatchResultAssert> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String processorName;

	private final List<String> itemIdentifiers;

	private final String response;

	private final List<String> batchItemFailures;

	BatchResult(String processorName, List<String> itemIdentifiers, String response) {
		this.processorName = processorName;
		this.itemIdentifiers = List.copyOf(itemIdentifiers);
		this.response = response;
		this.batchItemFailures = failures(response);
	}

	private static List<String> failures(String response) {
		JsonNode failures = json.readTree(response).get("batchItemFailures");
		List<String> identifiers = new ArrayList<>();
		if (failures != null) {
			failures.forEach((failure) -> identifiers.add(failure.get("itemIdentifier").asString()));
		}
		return List.copyOf(identifiers);
	}

	/**
	 * The processor that ran.
	 * @return its name
	 */
	public String processorName() {
		return this.processorName;
	}

	/**
	 * The response as Lambda receives it.
	 * @return the JSON, such as {@code {"batchItemFailures":[{"itemIdentifier":"300"}]}}
	 */
	public String response() {
		return this.response;
	}

	/**
	 * The item identifiers of the batch's records, in order: sequence numbers for streams (one
	 * per KPL aggregate), message ids for queues.
	 * @return the identifiers
	 */
	public List<String> itemIdentifiers() {
		return this.itemIdentifiers;
	}

	/**
	 * The item identifiers the response names in {@code batchItemFailures}: for a stream, the
	 * one record Lambda retries from; for a queue, every message Lambda keeps.
	 * @return the identifiers, empty when the batch succeeded
	 */
	public List<String> batchItemFailures() {
		return this.batchItemFailures;
	}

	/**
	 * Whether every record was processed.
	 * @return whether the response names no failure
	 */
	public boolean isSuccess() {
		return this.batchItemFailures.isEmpty();
	}

	/**
	 * The records Lambda counts as processed: every record before the first one named.
	 * @return their item identifiers, in order
	 */
	public List<String> processedItemIdentifiers() {
		int failed = firstFailed();
		return this.itemIdentifiers.subList(0, failed);
	}

	/**
	 * The records Lambda hands to a later invocation: the first one named and every record after
	 * it.
	 * @return their item identifiers, in order
	 */
	public List<String> retriedItemIdentifiers() {
		return this.itemIdentifiers.subList(firstFailed(), this.itemIdentifiers.size());
	}

	private int firstFailed() {
		for (int i = 0; i < this.itemIdentifiers.size(); i++) {
			if (this.batchItemFailures.contains(this.itemIdentifiers.get(i))) {
				return i;
			}
		}
		return this.itemIdentifiers.size();
	}

	@Override
	public BatchResultAssert assertThat() {
		return new BatchResultAssert(this);
	}

	@Override
	public String toString() {
		return "BatchResult[processor=" + this.processorName + ", records=" + this.itemIdentifiers
				+ ", batchItemFailures=" + this.batchItemFailures + "]";
	}

}
