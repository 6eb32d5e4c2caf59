package dev.tributary.dynamodb;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A field of a stream record whose JSON has the wrong shape: the path to it (built while the
 * exception unwinds through the nested readers) and what is wrong, never the value. Raised only
 * on the error path, so it carries no stack trace.
 *
 * @author Tributary
 */
final class MalformedFieldException extends RuntimeException {

	private final Deque<String> path = new ArrayDeque<>();

	private final String problem;

	MalformedFieldException(String problem) {
		super(problem, null, false, false);
		this.problem = problem;
	}

	/**
	 * Prefix the path with the name of the enclosing field.
	 * @param name the field name
	 * @return this exception, to rethrow
	 */
	MalformedFieldException in(String name) {
		this.path.addFirst(name);
		return this;
	}

	/**
	 * Prefix the path with the index in the enclosing list.
	 * @param index the index
	 * @return this exception, to rethrow
	 */
	MalformedFieldException at(int index) {
		this.path.addFirst("[" + index + "]");
		return this;
	}

	/**
	 * The path and the problem, e.g. {@code dynamodb.NewImage.tags[2]: ...}.
	 * @return the description
	 */
	String describe() {
		StringBuilder text = new StringBuilder();
		for (String segment : this.path) {
			if (!text.isEmpty() && !segment.startsWith("[")) {
				text.append('.');
			}
			text.append(segment);
		}
		return (text.isEmpty() ? "" : text + ": ") + this.problem;
	}

	@Override
	public String getMessage() {
		return describe();
	}

}
