package dev.tributary.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample application in a JVM of its own (the test classpath, no web server), against a given
 * emulator: its output lines with when each arrived, and the keys its processor logged.
 */
final class SampleAppInstance implements AutoCloseable {

	private static final Pattern PROCESSED = Pattern.compile("INSERT: (\\S+) -> ");

	private final String name;

	private final Process process;

	private final List<Line> lines = new CopyOnWriteArrayList<>();

	private SampleAppInstance(String name, Process process) {
		this.name = name;
		this.process = process;
		Thread reader = new Thread(this::read, "output-of-" + name);
		reader.setDaemon(true);
		reader.start();
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
		return new SampleAppInstance(name, new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	private void read() {
		try (BufferedReader output = this.process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = output.readLine()) != null) {
				this.lines.add(new Line(Instant.now(), line));
			}
		}
		catch (IOException ex) {
			// The process was killed: its output ends here.
		}
	}

	Process process() {
		return this.process;
	}

	/** The first line containing {@code text}, if any yet. */
	Optional<Line> line(String text) {
		return this.lines.stream().filter((line) -> line.text().contains(text)).findFirst();
	}

	/** Keys of the INSERT lines the processor logged, in order. */
	List<String> processedKeys() {
		List<String> keys = new ArrayList<>();
		for (Line line : this.lines) {
			Matcher matcher = PROCESSED.matcher(line.text());
			if (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	/** Index of the first line containing {@code text}, or -1. */
	int indexOf(String text) {
		for (int i = 0; i < this.lines.size(); i++) {
			if (this.lines.get(i).text().contains(text)) {
				return i;
			}
		}
		return -1;
	}

	/** Index of the first INSERT line, or -1. */
	int indexOfFirstProcessed() {
		for (int i = 0; i < this.lines.size(); i++) {
			if (PROCESSED.matcher(this.lines.get(i).text()).find()) {
				return i;
			}
		}
		return -1;
	}

	/** The last lines of its output, for failure messages. */
	String tail() {
		List<Line> all = List.copyOf(this.lines);
		StringBuilder tail = new StringBuilder("--- " + this.name + " ---\n");
		all.subList(Math.max(0, all.size() - 60), all.size()).forEach((line) -> tail.append(line.text()).append('\n'));
		return tail.toString();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	record Line(Instant at, String text) {
	}

}
