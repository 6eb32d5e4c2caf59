package dev.tributary.lambda;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.RecordProcessingException;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda function knows a source only through its event reader and the invoker's
 * {@link SourceType}: here a toy source whose event is lines of {@code id:body}, reported by id.
 */
class SourceNeutralLambdaFunctionTests {

	private final List<String> seen = new ArrayList<>();

	@Test
	void aBatchThatSucceedsAnswersAnEmptyFailureList() {
		assertThat(invoke("a:one\nb:two")).isEqualTo("{\"batchItemFailures\":[]}");
		assertThat(this.seen).containsExactly("one", "two");
	}

	@Test
	void aFailedRecordIsReportedByTheSourcesItemIdentifier() {
		assertThat(invoke("a:one\nb:fail\nc:three"))
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}");
		assertThat(this.seen).containsExactly("one");
	}

	@Test
	void aMalformedRecordIsReportedByItsIdentifierAfterTheRecordsBeforeItWereProcessed() {
		assertThat(invoke("a:one\nb\nc:three")).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}");
		assertThat(this.seen).containsExactly("one");
	}

	private String invoke(String event) {
		StreamProcessorLambdaFunction<String[]> function = new StreamProcessorLambdaFunction<>("lines",
				new BatchInvoker<>("lines", (lines) -> lines.concatMap((line) -> {
					if (line.body().equals("fail")) {
						return Mono.error(new LineFailedException(line));
					}
					this.seen.add(line.body());
					return Mono.empty();
				}).then(), new LineSource(), Duration.ZERO, Clock.systemUTC()), this::read, Clock.systemUTC());
		byte[] answer = function.apply(MessageBuilder
			.<InputStream>withPayload(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)))
			.build());
		return new String(answer, StandardCharsets.UTF_8);
	}

	private LambdaBatch<String[]> read(InputStream input) {
		String[] lines = new String(readAll(input), StandardCharsets.UTF_8).split("\n");
		List<String[]> records = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String[] parts = lines[i].split(":", 2);
			if (parts.length < 2) {
				return new LambdaBatch<>(records, "arn:toy", new LambdaBatch.Malformed(i, parts[0], "", "no body"));
			}
			records.add(parts);
		}
		return new LambdaBatch<>(records, "arn:toy", null);
	}

	private static byte[] readAll(InputStream input) {
		try {
			return input.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static final class LineSource implements SourceType<String[], Line> {

		@Override
		public String name() {
			return "lines";
		}

		@Override
		public String itemIdentifier(String[] record) {
			return record[0];
		}

		@Override
		public @Nullable Object orderingKey(String[] record) {
			return null;
		}

		@Override
		public Line element(String[] record, @Nullable String eventSourceArn) {
			return new Line(record[0], record[1]);
		}

	}

	record Line(String id, String body) {

	}

	static final class LineFailedException extends RecordProcessingException {

		LineFailedException(Line line) {
			super(line.id(), "Line " + line.id() + " failed", null);
		}

	}

}
