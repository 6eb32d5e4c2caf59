package dev.tributary.local.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.dynamodb.DynamoDbEventCodec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;
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

	private static final DynamoDbEventCodec codec = new DynamoDbEventCodec();

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
	 * @param record the record
	 * @param eventSourceArn the stream's ARN
	 * @return whether the processor gets the record
	 */
	public boolean matches(Record record, @Nullable String eventSourceArn) {
		if (this.patterns.isEmpty()) {
			return true;
		}
		Map<String, Object> event = codec.toLambdaRecord(record, eventSourceArn);
		for (FilterPattern pattern : this.patterns) {
			if (pattern.matches(event)) {
				return true;
			}
		}
		return false;
	}

}
