package dev.tributary.lambda.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller that shows what reached it, for {@link FunctionUrlHandlerTests}.
 */
@RestController
class EchoController {

	@GetMapping("/echo")
	Map<String, Object> echo(@RequestHeader("x-trace") String trace, @RequestParam("a") List<String> a,
			@RequestParam("name") String name, @RequestParam("flag") String flag, @CookieValue("c2") String cookie,
			HttpServletRequest request) {
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("trace", trace);
		echo.put("a", a);
		echo.put("name", name);
		echo.put("flag", flag);
		echo.put("cookie", cookie);
		echo.put("query", request.getQueryString());
		echo.put("remoteAddr", request.getRemoteAddr());
		return echo;
	}

	@PutMapping(path = "/echo/bytes", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE,
			produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	byte[] bytes(@RequestBody byte[] body) {
		byte[] reversed = new byte[body.length];
		for (int i = 0; i < body.length; i++) {
			reversed[i] = body[body.length - 1 - i];
		}
		return reversed;
	}

	@PutMapping(path = "/echo/text", produces = "text/plain;charset=UTF-8")
	String text(@RequestBody String body) {
		return body.toUpperCase();
	}

	@GetMapping("/status/{code}")
	ResponseEntity<String> status(@PathVariable int code) {
		return ResponseEntity.status(code).header("X-Reason", "asked").body("status " + code);
	}

	@GetMapping("/failing")
	String failing() {
		throw new IllegalStateException("secret detail of the failure");
	}

	@GetMapping("/cookie")
	ResponseEntity<Void> cookie() {
		return ResponseEntity.noContent()
			.header(HttpHeaders.SET_COOKIE, "session=abc; Path=/; HttpOnly")
			.header(HttpHeaders.SET_COOKIE, "theme=dark")
			.header("X-Multi", "one")
			.header("X-Multi", "two")
			.build();
	}

}
