package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BatchItemFailuresResponseTests {

	@ParameterizedTest
	@ValueSource(strings = { "100000000000000000001", "quote\"backslash\\", "nul\u0000tab\tnewline\n", "del\u007f",
			"line\u2028separator", "emoji\uD83D\uDE00", "lone\uD800high", "lone\uDC00low", "end\uD83D", "" })
	void anyIdentifierIsWrittenAsValidJsonThatReadsBackUnchanged(String identifier) {
		byte[] response = BatchItemFailuresResponse.failedAt(identifier);
		assertThat(JsonMapper.shared().readTree(response).get("batchItemFailures").get(0).get("itemIdentifier").asString())
			.isEqualTo(identifier);
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "\u0001" })
	void controlCharactersAreEscapedNotWrittenRaw(String identifier) {
		String response = new String(BatchItemFailuresResponse.failedAt(identifier), StandardCharsets.UTF_8);
		assertThat(response.chars()).noneMatch((c) -> c < 0x20);
	}

	@Test
	void successIsAnEmptyListOfFailures() {
		assertThat(new String(BatchItemFailuresResponse.success(), StandardCharsets.UTF_8))
			.isEqualTo("{\"batchItemFailures\":[]}");
	}

}
