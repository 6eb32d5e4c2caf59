package dev.tributary.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code in {@code docs/testing.md} is the code of this module's tests: each block that follows
 * a {@code <!-- snippet: path#tag -->} comment equals the lines between {@code // tag::tag[]} and
 * {@code // end::tag[]} in that file, so the guide cannot show code that does not compile or pass.
 */
class TestingGuideTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern SNIPPET = Pattern
		.compile("<!-- snippet: (?<path>[^#]+)#(?<tag>[\\w-]+) -->\\R```java\\R(?<code>.*?)```", Pattern.DOTALL);

	@Test
	void everySnippetOfTheGuideIsTheTaggedCodeOfATest() throws IOException {
		String guide = Files.readString(ROOT.resolve("docs/testing.md"));
		Matcher matcher = SNIPPET.matcher(guide);
		List<String> checked = new ArrayList<>();
		while (matcher.find()) {
			String path = matcher.group("path");
			String tag = matcher.group("tag");
			assertThat(matcher.group("code")).as("snippet %s#%s of docs/testing.md", path, tag)
				.isEqualTo(tagged(Files.readAllLines(ROOT.resolve(path)), tag));
			checked.add(tag);
		}
		assertThat(checked).as("snippets in docs/testing.md").hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
	}

	private static String tagged(List<String> lines, String tag) {
		int start = lines.indexOf(indentOf(lines, "// tag::" + tag + "[]"));
		int end = lines.indexOf(indentOf(lines, "// end::" + tag + "[]"));
		assertThat(start).as("tag %s", tag).isNotNegative().isLessThan(end);
		List<String> region = lines.subList(start + 1, end);
		int indent = region.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder code = new StringBuilder();
		region.forEach((line) -> code.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
		return code.toString();
	}

	private static String indentOf(List<String> lines, String marker) {
		return lines.stream().filter((line) -> line.strip().equals(marker)).findFirst().orElse(marker);
	}

}
