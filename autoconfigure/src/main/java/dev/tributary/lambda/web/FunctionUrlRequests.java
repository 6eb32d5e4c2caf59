package dev.tributary.lambda.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.serverless.web.ServerlessHttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Reads a function URL event (the HTTP API payload format 2.0) into the servlet request Spring
 * MVC serves: method, raw path, query string and its parameters, headers, cookies, body (Base64
 * decoded when the event says so) and the caller's address.
 *
 * @author Tributary
 */
final class FunctionUrlRequests {

	private final JsonMapper mapper;

	FunctionUrlRequests(JsonMapper mapper) {
		Assert.notNull(mapper, "'mapper' must not be null");
		this.mapper = mapper;
	}

	/**
	 * Read one event.
	 * @param event the event's bytes
	 * @param servletContext the servlet context of the application
	 * @return the request
	 * @throws FunctionUrlEventException if the event is not a payload 2.0 request
	 */
	ServerlessHttpServletRequest read(byte[] event, ServletContext servletContext) {
		JsonNode root = parse(event);
		JsonNode http = root.path("requestContext").path("http");
		String method = text(http, "method");
		String rawPath = text(root, "rawPath");
		if (method == null || rawPath == null) {
			throw new FunctionUrlEventException(describeOther(root));
		}
		if (!rawPath.startsWith("/")) {
			throw new FunctionUrlEventException("its rawPath does not start with '/'");
		}
		FunctionUrlServletRequest request = new FunctionUrlServletRequest(servletContext, method, rawPath);
		String query = text(root, "rawQueryString");
		if (StringUtils.hasLength(query)) {
			request.setQueryString(query);
			parameters(query).forEach((parameter) -> request.addParameter(parameter.name(), parameter.value()));
		}
		for (Map.Entry<String, JsonNode> header : root.path("headers").properties()) {
			if (header.getValue().isString()) {
				request.addHeader(header.getKey(), header.getValue().stringValue());
			}
		}
		List<String> cookies = new ArrayList<>();
		root.path("cookies").values().stream().filter(JsonNode::isString).map(JsonNode::stringValue).forEach(cookies::add);
		if (!cookies.isEmpty()) {
			request.setHeader("Cookie", String.join("; ", cookies));
			request.setCookies(cookies);
		}
		String contentType = request.getContentType();
		if (contentType != null) {
			charset(contentType).ifPresent(request::setCharacterEncoding);
		}
		String sourceIp = text(http, "sourceIp");
		if (sourceIp != null) {
			request.setRemoteAddr(sourceIp);
		}
		request.setContent(body(root));
		return request;
	}

	private JsonNode parse(byte[] event) {
		JsonNode root;
		try {
			root = this.mapper.readTree(event);
		}
		catch (JacksonException ex) {
			throw new FunctionUrlEventException("it is not valid JSON"
					+ ((ex.getLocation() != null) ? " (at line " + ex.getLocation().getLineNr() + ", column "
							+ ex.getLocation().getColumnNr() + ")" : ""));
		}
		if (root == null || root.isMissingNode()) {
			throw new FunctionUrlEventException("it is empty");
		}
		if (!root.isObject()) {
			throw new FunctionUrlEventException("it is a JSON " + root.getNodeType().name().toLowerCase() + ", not an object");
		}
		return root;
	}

	private static byte[] body(JsonNode root) {
		String body = text(root, "body");
		if (body == null) {
			return new byte[0];
		}
		if (root.path("isBase64Encoded").booleanValue(false)) {
			try {
				return Base64.getDecoder().decode(body);
			}
			catch (IllegalArgumentException ex) {
				throw new FunctionUrlEventException("its body is marked isBase64Encoded but is not Base64");
			}
		}
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String describeOther(JsonNode root) {
		JsonNode records = root.path("Records");
		if (records.isArray() && !records.isEmpty()) {
			String source = text(records.get(0), "eventSource");
			if (source == null) {
				source = text(records.get(0), "EventSource");
			}
			return "it looks like an event of another source (Records with eventSource '" + source + "')";
		}
		if (root.has("httpMethod")) {
			return "it looks like an API Gateway REST API (payload 1.0) request; use a function URL or an HTTP API "
					+ "with payload format 2.0";
		}
		if (root.isEmpty()) {
			return "it is an empty JSON object";
		}
		List<String> names = new ArrayList<>();
		root.propertyNames().forEach(names::add);
		return "it has no " + ((text(root.path("requestContext").path("http"), "method") == null)
				? "requestContext.http.method" : "rawPath") + " (its fields: " + names + ")";
	}

	private static Optional<String> charset(String contentType) {
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			return Optional.ofNullable(mediaType.getParameter("charset"));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static List<Parameter> parameters(String query) {
		List<Parameter> parameters = new ArrayList<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.add(new Parameter(decode(name), decode(value)));
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A malformed escape ('%zz') is kept as sent, as servlet containers do.
			return text;
		}
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/**
	 * One query parameter, decoded.
	 *
	 * @param name its name
	 * @param value its value, empty when the query names it without a value
	 */
	record Parameter(String name, String value) {

	}

}
