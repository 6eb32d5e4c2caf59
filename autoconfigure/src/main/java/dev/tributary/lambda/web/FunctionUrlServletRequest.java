package dev.tributary.lambda.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.serverless.web.ServerlessHttpServletRequest;

/**
 * A serverless servlet request that also carries the caller's address
 * ({@code requestContext.http.sourceIp}), which Spring Cloud Function's request does not take.
 * It stays a {@link ServerlessHttpServletRequest}: {@code ServerlessMVC} routes errors to the
 * error page only for those.
 *
 * @author Tributary
 */
class FunctionUrlServletRequest extends ServerlessHttpServletRequest {

	private @Nullable String remoteAddr;

	private Cookie @Nullable [] cookies;

	FunctionUrlServletRequest(ServletContext servletContext, String method, String requestUri) {
		super(servletContext, method, requestUri);
	}

	@Override
	public void setRemoteAddr(@Nullable String remoteAddr) {
		this.remoteAddr = remoteAddr;
	}

	@Override
	public @Nullable String getRemoteAddr() {
		return this.remoteAddr;
	}

	/**
	 * Set the request's cookies, from the event's {@code cookies} ({@code name=value} each).
	 * @param cookies the cookies as sent
	 */
	void setCookies(List<String> cookies) {
		List<Cookie> parsed = new ArrayList<>();
		for (String cookie : cookies) {
			int equals = cookie.indexOf('=');
			String name = ((equals < 0) ? cookie : cookie.substring(0, equals)).trim();
			if (!name.isEmpty()) {
				parsed.add(new Cookie(name, (equals < 0) ? "" : cookie.substring(equals + 1).trim()));
			}
		}
		this.cookies = parsed.isEmpty() ? null : parsed.toArray(new Cookie[0]);
	}

	@Override
	public Cookie @Nullable [] getCookies() {
		return this.cookies;
	}

	@Override
	public @Nullable String getRemoteHost() {
		return this.remoteAddr;
	}

}
