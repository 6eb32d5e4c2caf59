package dev.tributary.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample application in a JVM of its own (the test classpath, no web server), against a given
 * emulator: its output (in {@code target/instances/<name>.log}) with the time of each line, and the keys its
 * processor logged.
 */
final class SampleAppInstance implements AutoCloseable {

	private static final Pattern PROCESSED = Pattern.compile("INSERT: (\\S+) -> ");

	private final String name;

	private final Process process;

	private final Path output;

	private SampleAppInstance(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	/**
	 * Start an instance.
	 * @param name a name for its output
	 * @param endpoint the emulator
	 * @param properties more {@code --key=value} arguments
	 * @return the started instance
	 * @throws IOException if the JVM cannot be started
	 */
	static SampleAppInstance start(String name, URI endpoint, List<String> properties) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				SampleApplication.class.getName(), "--spring.main.web-application-type=none",
				"--spring.cloud.aws.endpoint=" + endpoint, "--spring.cloud.aws.credentials.access-key=test",
				"--spring.cloud.aws.credentials.secret-key=test"));
		command.addAll(properties);
		Path output = Path.of("target", "instances", name + "-" + ProcessHandle.current().pid() + ".log");
		Files.createDirectories(output.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new SampleAppInstance(name, process, output);
	}

	private List<Line> lines() {
		try {
			List<Line> lines = new ArrayList<>();
			for (String text : Files.readAllLines(this.output, StandardCharsets.UTF_8)) {
				lines.add(new Line(timestamp(text), text));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @org.jspecify.annotations.Nullable Instant timestamp(String line) {
		int space = line.indexOf(' ');
		try {
			return (space > 0) ? Instant.parse(line.substring(0, space)) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	Process process() {
		return this.process;
	}

	/** The first line containing {@code text}, if any yet. */
	Optional<Line> line(String text) {
		return lines().stream().filter((line) -> line.text().contains(text)).findFirst();
	}

	/** Keys of the INSERT lines the processor logged, in order. */
	List<String> processedKeys() {
		List<String> keys = new ArrayList<>();
		for (Line line : lines()) {
			Matcher matcher = PROCESSED.matcher(line.text());
			if (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	/** Index of the first line containing {@code text}, or -1. */
	int indexOf(String text) {
		List<Line> lines = lines();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).text().contains(text)) {
				return i;
			}
		}
		return -1;
	}

	/** Index of the first INSERT line, or -1. */
	int indexOfFirstProcessed() {
		List<Line> lines = lines();
		for (int i = 0; i < lines.size(); i++) {
			if (PROCESSED.matcher(lines.get(i).text()).find()) {
				return i;
			}
		}
		return -1;
	}

	/** The last lines of its output, for failure messages. */
	String tail() {
		List<Line> all = lines();
		StringBuilder tail = new StringBuilder("--- " + this.name + " ---\n");
		all.subList(Math.max(0, all.size() - 60), all.size()).forEach((line) -> tail.append(line.text()).append('\n'));
		return tail.toString();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	/** A line of output, and the time it starts with (null for lines without one). */
	record Line(@org.jspecify.annotations.Nullable Instant at, String text) {
	}

}
