package dev.tributary.kinesis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Chooses how a payload is mapped from the processor's type: {@code byte[]} as it is,
 * {@code String} as strict UTF-8, Jackson's {@code JsonNode} as a JSON tree, and anything else
 * (Java records, beans, collections) by Jackson data binding. Unknown JSON properties are
 * ignored: producers add fields, consumers should not break on them.
 *
 * @author Tributary
 */
public final class PayloadMappers {

	private static final char REPLACEMENT_CHARACTER = '\uFFFD';

	private PayloadMappers() {
	}

	/**
	 * The mapper for a type, with a default {@link JsonMapper}.
	 * @param <T> the type
	 * @param type the processor's payload type
	 * @return the mapper
	 */
	public static <T> PayloadMapper<T> forType(ResolvableType type) {
		return forType(type, JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
	}

	/**
	 * The mapper for a type.
	 * @param <T> the type
	 * @param type the processor's payload type
	 * @param jsonMapper the mapper for JSON payloads, such as the application's
	 * @return the mapper
	 */
	@SuppressWarnings("unchecked")
	public static <T> PayloadMapper<T> forType(ResolvableType type, JsonMapper jsonMapper) {
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		Class<?> raw = type.toClass();
		if (raw == byte[].class) {
			return (data) -> (T) data.clone();
		}
		if (raw == String.class) {
			return (data) -> (T) utf8(data);
		}
		if (JsonNode.class.isAssignableFrom(raw)) {
			return (data) -> (T) jsonMapper.readTree(data);
		}
		JavaType javaType = jsonMapper.getTypeFactory().constructType(type.getType());
		return (data) -> jsonMapper.readValue(data, javaType);
	}

	// The String constructor is several times faster than a strict CharsetDecoder (no CharBuffer,
	// no copy back to Latin-1), and it replaces every malformed sequence with U+FFFD: text
	// without U+FFFD had none. Only text that holds one is decoded again strictly, which tells a
	// U+FFFD the producer wrote from a replaced malformed sequence.
	private static String utf8(byte[] data) {
		String text = new String(data, StandardCharsets.UTF_8);
		return (text.indexOf(REPLACEMENT_CHARACTER) < 0) ? text : strictUtf8(data);
	}

	private static String strictUtf8(byte[] data) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(data))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("the payload is not valid UTF-8 text", ex);
		}
	}

	/**
	 * Why a payload could not be mapped, in words that never quote it: Jackson's own messages
	 * quote the offending token, which is payload content, so only where it failed and what kind
	 * of error it was.
	 * @param ex what the mapper threw
	 * @return the reason
	 */
	public static String describeFailure(RuntimeException ex) {
		if (ex instanceof DatabindException databind) {
			return "it does not fit the type at " + databind.getPathReference() + " ("
					+ ex.getClass().getSimpleName() + ")";
		}
		if (ex instanceof JacksonException jackson) {
			return "it is not valid JSON (" + ex.getClass().getSimpleName() + " at "
					+ ((jackson.getLocation() != null) ? "byte " + jackson.getLocation().getByteOffset() : "an unknown offset")
					+ ")";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

}
