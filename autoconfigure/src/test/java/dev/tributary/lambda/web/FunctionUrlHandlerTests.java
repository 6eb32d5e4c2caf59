package dev.tributary.lambda.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import dev.tributary.lambda.LambdaHandlers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FunctionUrlHandler} serving function URL events with a Spring MVC controller, in an
 * application started as inside Lambda (no web server).
 */
class FunctionUrlHandlerTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static ConfigurableApplicationContext context;

	private static FunctionUrlHandler handler;

	@BeforeAll
	static void startApplication() {
		context = SpringApplication.run(new Class<?>[] { EchoApplication.class },
				new String[] { "--spring.main.web-application-type=servlet", "--tributary.lambda.enabled=true",
						// The API function's DynamoDB client is built, never called here.
						"--spring.cloud.aws.region.static=us-east-1", "--spring.cloud.aws.endpoint=http://127.0.0.1:5999" });
		handler = new FunctionUrlHandler(context);
	}

	@AfterAll
	static void stopApplication() {
		context.close();
	}

	@Test
	void passesHeadersQueryParametersCookiesAndTheCallersAddressToTheController() throws IOException {
		JsonNode response = invoke("get-echo.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(200);
		assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
		assertThat(response.get("headers").get("Content-Type").stringValue()).startsWith("application/json");
		JsonNode body = mapper.readTree(response.get("body").stringValue());
		assertThat(body.get("trace").stringValue()).isEqualTo("trace-1");
		assertThat(body.get("a").values()).extracting(JsonNode::stringValue).containsExactly("1", "2");
		assertThat(body.get("name").stringValue()).isEqualTo("Jürgen");
		assertThat(body.get("flag").stringValue()).isEmpty();
		assertThat(body.get("cookie").stringValue()).isEqualTo("v2");
		assertThat(body.get("query").stringValue()).isEqualTo("a=1&a=2&name=J%C3%BCrgen&flag");
		assertThat(body.get("remoteAddr").stringValue()).isEqualTo("203.0.113.7");
	}

	@Test
	void decodesABase64BinaryBodyAndAnswersBinaryInBase64() throws IOException {
		JsonNode response = invoke("put-binary.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(200);
		assertThat(response.get("isBase64Encoded").booleanValue()).isTrue();
		byte[] body = Base64.getDecoder().decode(response.get("body").stringValue());
		// The controller reverses the bytes 00 01 02 ff fe 68 72 69.
		assertThat(body).containsExactly(0x69, 0x72, 0x68, 0xfe, 0xff, 0x02, 0x01, 0x00);
	}

	@Test
	void readsATextBodyAsUtf8AndAnswersText() throws IOException {
		JsonNode response = invoke("put-text.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(200);
		assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
		assertThat(response.get("body").stringValue()).isEqualTo("HÉLLO WÖRLD");
		assertThat(response.get("headers").get("Content-Type").stringValue()).isEqualTo("text/plain;charset=UTF-8");
	}

	@Test
	void decodesATextBodySentInBase64() throws IOException {
		JsonNode response = invoke("put-text-base64.json");
		assertThat(response.get("body").stringValue()).isEqualTo("HÉLLO");
	}

	@Test
	void answersTheStatusAndHeadersTheControllerSets() throws IOException {
		JsonNode response = invoke("get-status-418.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(418);
		assertThat(response.get("headers").get("X-Reason").stringValue()).isEqualTo("asked");
		assertThat(response.get("body").stringValue()).isEqualTo("status 418");
	}

	@Test
	void answers404ForAPathNoControllerMaps() throws IOException {
		JsonNode response = invoke("get-unknown-path.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(404);
	}

	@Test
	void answers405ForAMethodTheMappingDoesNotTake() throws IOException {
		JsonNode response = invoke("post-wrong-method.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(405);
	}

	@Test
	void answers500WithoutStackTraceOrMessageWhenTheControllerThrows() throws IOException {
		JsonNode response = invoke("get-failing.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(500);
		String body = response.get("body").stringValue();
		assertThat(body).contains("500")
			.doesNotContain("secret detail")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at dev.tributary")
			.doesNotContain("trace");
	}

	@Test
	void answersSetCookieHeadersAsCookiesAndJoinsRepeatedHeaders() throws IOException {
		JsonNode response = invoke("get-cookie.json");
		assertThat(response.get("statusCode").intValue()).isEqualTo(204);
		assertThat(response.get("cookies").values()).extracting(JsonNode::stringValue)
			.containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");
		assertThat(response.get("headers").has("Set-Cookie")).isFalse();
		assertThat(response.get("headers").get("X-Multi").stringValue()).isEqualTo("one,two");
		assertThat(response.get("body").stringValue()).isEmpty();
	}

	@Test
	void failsTheInvocationOnAnotherSourcesEventWithoutQuotingIt() {
		assertThatExceptionOfType(FunctionUrlEventException.class).isThrownBy(() -> invoke("sqs-event.json"))
			.withMessageContaining("function URL requests")
			.withMessageContaining("another source (Records with eventSource 'aws:sqs')")
			.withMessageNotContaining("secret payload");
	}

	@Test
	void failsTheInvocationOnARestApiPayload() {
		assertThatExceptionOfType(FunctionUrlEventException.class).isThrownBy(() -> invoke("rest-api-v1.json"))
			.withMessageContaining("API Gateway REST API (payload 1.0) request");
	}

	@Test
	void failsTheInvocationOnInvalidJson() {
		assertThatExceptionOfType(FunctionUrlEventException.class).isThrownBy(() -> invoke("not-json.json"))
			.withMessageContaining("it is not valid JSON (at line");
	}

	@Test
	void failsTheInvocationOnABodyMarkedBase64ThatIsNot() {
		assertThatExceptionOfType(FunctionUrlEventException.class).isThrownBy(() -> invoke("put-bad-base64.json"))
			.withMessageContaining("isBase64Encoded but is not Base64");
	}

	@Test
	void failsTheInvocationOnAJsonArrayAndOnAnEmptyInput() {
		assertThatExceptionOfType(FunctionUrlEventException.class)
			.isThrownBy(() -> invoke(new ByteArrayInputStream("[]".getBytes())))
			.withMessageContaining("it is a JSON array, not an object");
		assertThatExceptionOfType(FunctionUrlEventException.class)
			.isThrownBy(() -> invoke(new ByteArrayInputStream(new byte[0])))
			.withMessageContaining("it is empty");
	}

	@Test
	void isTheHandlerDeployGivesTheApiFunction() {
		assertThat(LambdaHandlers.API_HANDLER).isEqualTo(FunctionUrlHandler.class.getName() + "::handleRequest");
	}

	private static JsonNode invoke(String event) throws IOException {
		try (InputStream input = new ClassPathResource("events/function-url/" + event).getInputStream()) {
			return invoke(input);
		}
	}

	private static JsonNode invoke(InputStream input) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		handler.handleRequest(input, output, null);
		return mapper.readTree(output.toByteArray());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoController.class)
	static class EchoApplication {

	}

}
