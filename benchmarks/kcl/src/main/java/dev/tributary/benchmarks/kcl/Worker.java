package dev.tributary.benchmarks.kcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BenchmarkWorker} JVM, its output in a file.
 */
final class Worker {

	private final Process process;

	private final Path output;

	final long startedAt;

	private Worker(Process process, Path output, long startedAt) {
		this.process = process;
		this.output = output;
		this.startedAt = startedAt;
	}

	static Worker start(String name, Path directory, String classpath, List<String> properties) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-Daws.cborEnabled=false", "-cp", classpath, BenchmarkWorker.class.getName()));
		properties.forEach((property) -> command.add("--" + property));
		Path output = directory.resolve(name + ".log");
		long startedAt = System.currentTimeMillis();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new Worker(process, output, startedAt);
	}

	/**
	 * When each content was processed, by its first {@code SEEN} line.
	 */
	Map<String, Long> seen() {
		Map<String, Long> seen = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(this.output)) {
				if (line.startsWith("SEEN ")) {
					String[] parts = line.split(" ");
					seen.putIfAbsent(parts[1], Long.parseLong(parts[2]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return seen;
	}

	boolean logged(String text) {
		try {
			return Files.readString(this.output).contains(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	void terminate() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
