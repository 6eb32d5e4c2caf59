package dev.tributary.dynamodb;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * What {@link StreamRecordReader} found in one element of an event's {@code Records}: the SDK
 * record being built, the fields the contract checks, and what is wrong with it (field paths and
 * shapes, never values).
 *
 * @author Tributary
 */
final class RecordFields {

	final Record.Builder record = Record.builder();

	final StreamRecord.Builder change = StreamRecord.builder();

	@Nullable String eventId;

	@Nullable String eventName;

	@Nullable String eventSource;

	@Nullable String eventSourceArn;

	@Nullable String sequenceNumber;

	boolean hasChange;

	boolean hasKeys;

	private @Nullable List<String> problems;

	void problem(String problem) {
		if (this.problems == null) {
			this.problems = new ArrayList<>(2);
		}
		this.problems.add(problem);
	}

	/**
	 * Check the fields every processor relies on, and list every problem found.
	 * @return the problems, empty for a well-formed record
	 */
	List<String> problems() {
		if (this.eventId == null || this.eventId.isBlank()) {
			problem("eventID is missing");
		}
		if (this.eventName == null) {
			problem("eventName is missing");
		}
		else if (OperationType.fromValue(this.eventName) == OperationType.UNKNOWN_TO_SDK_VERSION) {
			problem("eventName " + JsonShapes.quoted(this.eventName) + " is not INSERT, MODIFY or REMOVE");
		}
		if (!this.hasChange) {
			problem("dynamodb is missing");
		}
		else {
			if (!hasSequenceNumber()) {
				problem("dynamodb.SequenceNumber is missing");
			}
			if (!this.hasKeys) {
				problem("dynamodb.Keys is missing");
			}
		}
		return (this.problems != null) ? this.problems : List.of();
	}

	/**
	 * Whether the record has a sequence number to report it by.
	 * @return whether {@code dynamodb.SequenceNumber} is a non-blank string
	 */
	boolean hasSequenceNumber() {
		return this.sequenceNumber != null && !this.sequenceNumber.isBlank();
	}

	/**
	 * Name the record for messages: by sequence number and event id, as far as it has them.
	 * @param index its index in {@code Records}
	 * @return e.g. {@code Records[3] (sequence number 42, event e3)}
	 */
	String describe(int index) {
		StringBuilder text = new StringBuilder("Records[").append(index).append(']');
		if (hasSequenceNumber() || this.eventId != null) {
			text.append(" (");
			if (hasSequenceNumber()) {
				text.append("sequence number ").append(this.sequenceNumber);
			}
			if (this.eventId != null) {
				text.append(hasSequenceNumber() ? ", " : "").append("event ").append(this.eventId);
			}
			text.append(')');
		}
		return text.toString();
	}

	Record build() {
		return this.record.dynamodb(this.change.build()).build();
	}

}
