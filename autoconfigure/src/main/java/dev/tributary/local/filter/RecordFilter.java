package dev.tributary.local.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.local.stream.ShardRecordType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Lambda's event filter criteria for one processor: a record is processed when it matches any
 * pattern, and skipped (but checkpointed, as Lambda does) otherwise. With no pattern every record
 * matches.
 *
 * @author Tributary
 * @see FilterPattern
 */
public final class RecordFilter {

	private static final RecordFilter ALL = new RecordFilter(List.of());

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<FilterPattern> patterns;

	private RecordFilter(List<FilterPattern> patterns) {
		this.patterns = patterns;
	}

	/**
	 * Compile filter patterns.
	 * @param patterns the patterns, as JSON objects
	 * @return the filter
	 * @throws IllegalArgumentException if a pattern is not a JSON object or uses an unsupported
	 * rule
	 */
	@SuppressWarnings("unchecked")
	public static RecordFilter of(List<String> patterns) {
		Assert.notNull(patterns, "'patterns' must not be null");
		if (patterns.isEmpty()) {
			return ALL;
		}
		List<FilterPattern> compiled = new ArrayList<>();
		for (String pattern : patterns) {
			try {
				compiled.add(new FilterPattern(json.readValue(pattern, Map.class)));
			}
			catch (JacksonException | ClassCastException ex) {
				throw new IllegalArgumentException("Filter pattern is not a JSON object: " + pattern, ex);
			}
		}
		return new RecordFilter(compiled);
	}

	/**
	 * Whether a record passes the filter.
	 * @param <R> the source's raw record type
	 * @param record the record
	 * @param streamArn the stream's ARN
	 * @param type what the record is, to see it as Lambda's filtering does
	 * @return whether the processor gets the record
	 */
	public <R> boolean matches(R record, String streamArn, ShardRecordType<R> type) {
		if (this.patterns.isEmpty()) {
			return true;
		}
		return matches(type.toFilterView(record, streamArn));
	}

	/**
	 * Whether a record passes the filter, given as Lambda's filtering sees it.
	 * @param view the record's fields filter patterns are matched against
	 * @return whether the processor gets the record
	 */
	public boolean matches(Map<String, Object> view) {
		for (FilterPattern pattern : this.patterns) {
			if (pattern.matches(view)) {
				return true;
			}
		}
		return this.patterns.isEmpty();
	}

}
