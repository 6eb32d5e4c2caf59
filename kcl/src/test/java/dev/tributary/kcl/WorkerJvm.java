package dev.tributary.kcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KclTestWorker} in a JVM of its own, started with the test's class path, its output
 * (logs and {@code PROCESSED} lines) going to a file the test reads.
 */
final class WorkerJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path output;

	private WorkerJvm(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	static WorkerJvm start(String name, Path directory, List<String> properties) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Daws.cborEnabled=false");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(KclTestWorker.class.getName());
		properties.forEach((property) -> command.add("--" + property));
		Path output = directory.resolve(name + ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			return new WorkerJvm(name, process, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The {@code PROCESSED} lines the worker printed so far.
	 */
	List<String> processed() {
		return lines().stream().filter((line) -> line.startsWith("PROCESSED ")).toList();
	}

	List<String> lines() {
		try {
			return Files.readAllLines(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * {@code kill -9}: no shutdown hook, no lease released.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/**
	 * SIGTERM: the context closes and the runtime stops gracefully.
	 */
	void terminate() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	String name() {
		return this.name;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return this.name + " (" + this.output + ")";
	}

}
