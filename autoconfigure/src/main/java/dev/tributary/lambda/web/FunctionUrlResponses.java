package dev.tributary.lambda.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.function.serverless.web.ServerlessHttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Writes the servlet response as a function URL response (the HTTP API payload format 2.0):
 * status, headers (repeated values joined with commas, {@code Set-Cookie} as {@code cookies}) and
 * the body, as text when its content type is textual and Base64 otherwise.
 *
 * @author Tributary
 */
final class FunctionUrlResponses {

	/** What the handler answers when even the application's error handling failed. */
	static final String INTERNAL_ERROR_BODY = "{\"status\":500,\"error\":\"Internal Server Error\"}";

	private final JsonMapper mapper;

	FunctionUrlResponses(JsonMapper mapper) {
		Assert.notNull(mapper, "'mapper' must not be null");
		this.mapper = mapper;
	}

	byte[] write(ServerlessHttpServletResponse response) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("statusCode", response.getStatus());
		ObjectNode headers = json.putObject("headers");
		ArrayNode cookies = null;
		for (String name : response.getHeaderNames()) {
			List<String> values = response.getHeaders(name);
			if (name.equalsIgnoreCase(HttpHeaders.SET_COOKIE)) {
				cookies = (cookies != null) ? cookies : json.putArray("cookies");
				values.forEach(cookies::add);
			}
			else {
				headers.put(name, String.join(",", values));
			}
		}
		String contentType = response.getContentType();
		if (contentType != null && !headers.has(HttpHeaders.CONTENT_TYPE)) {
			headers.put(HttpHeaders.CONTENT_TYPE, contentType);
		}
		byte[] body = response.getContentAsByteArray();
		if (body.length == 0 || isText(contentType)) {
			json.put("body", new String(body, charset(contentType)));
			json.put("isBase64Encoded", false);
		}
		else {
			json.put("body", Base64.getEncoder().encodeToString(body));
			json.put("isBase64Encoded", true);
		}
		return this.mapper.writeValueAsBytes(json);
	}

	/**
	 * The response for a request the application could not answer at all.
	 * @return the response's bytes
	 */
	byte[] internalError() {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("statusCode", 500);
		json.putObject("headers").put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		json.put("body", INTERNAL_ERROR_BODY);
		json.put("isBase64Encoded", false);
		return this.mapper.writeValueAsBytes(json);
	}

	static boolean isText(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String type = mediaType.getType().toLowerCase(Locale.ROOT);
		String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
		return type.equals("text") || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("xml")
				|| subtype.endsWith("+xml") || subtype.equals("javascript") || subtype.equals("x-www-form-urlencoded")
				|| subtype.equals("problem+json");
	}

	private static Charset charset(@Nullable String contentType) {
		try {
			if (contentType != null) {
				Charset charset = MediaType.parseMediaType(contentType).getCharset();
				if (charset != null) {
					return charset;
				}
			}
			// JSON is UTF-8 by definition; Spring writes other text with an explicit charset.
			return StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
