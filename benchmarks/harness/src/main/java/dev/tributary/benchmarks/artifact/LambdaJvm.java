package dev.tributary.benchmarks.artifact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts fresh JVMs on a deployment artifact's class path with the launcher that stands in for
 * the Lambda Java runtime, and times what they print.
 * <p>
 * The JVM flags are those of Lambda's Java runtime for a 1024 MB function: C1 only, the serial
 * collector, class data sharing, and memory ergonomics of a 1 GB sandbox.
 *
 * @author Tributary
 */
public final class LambdaJvm {

	/** JVM flags every variant runs with. */
	public static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxRAM=1g", "-XX:MaxHeapSize=870m");

	private static final String MARKER = "@@bench ";

	private static final String LAUNCHER = "dev.tributary.benchmarks.launcher.LambdaLauncher";

	private final Path java;

	private final Path launcherJar;

	/**
	 * Create a launcher of JVMs.
	 * @param java the {@code java} executable
	 * @param launcherJar the launcher's jar
	 */
	public LambdaJvm(Path java, Path launcherJar) {
		this.java = java;
		this.launcherJar = launcherJar;
	}

	/**
	 * Run the launcher in a fresh JVM until it exits.
	 * @param variant what to run
	 * @param extraEnvironment environment variables besides the function's
	 * @param mode the launcher's mode, {@code coldstart} or {@code throughput}
	 * @param arguments the launcher's arguments after the handler
	 * @return what it printed, timed
	 */
	public Run run(PreparedVariant variant, Map<String, String> extraEnvironment, String mode,
			List<String> arguments) {
		LambdaArtifact artifact = variant.artifact();
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(LAMBDA_FLAGS);
		command.add("-cp");
		command.add(classPath(artifact));
		command.add(LAUNCHER);
		command.add(mode);
		command.add(variant.variant().handler());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(artifact.taskRoot().toFile())
			.redirectErrorStream(true);
		builder.environment().putAll(lambdaEnvironment(artifact));
		builder.environment().putAll(variant.variant().environment());
		builder.environment().putAll(extraEnvironment);
		long start = System.nanoTime();
		try {
			Process process = builder.start();
			return read(process, start);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	private String classPath(LambdaArtifact artifact) {
		List<Path> entries = new ArrayList<>();
		entries.add(this.launcherJar);
		entries.addAll(artifact.classPath());
		return entries.stream().map(Path::toString).collect(Collectors.joining(":"));
	}

	private static Map<String, String> lambdaEnvironment(LambdaArtifact artifact) {
		Map<String, String> environment = new HashMap<>();
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "benchmark");
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_DEFAULT_REGION", "us-east-1");
		environment.put("AWS_ACCESS_KEY_ID", "benchmark");
		environment.put("AWS_SECRET_ACCESS_KEY", "benchmark");
		environment.put("LAMBDA_TASK_ROOT", artifact.taskRoot().toString());
		environment.put("TZ", ":UTC");
		return environment;
	}

	private static Run read(Process process, long start) throws IOException {
		List<Marker> markers = new ArrayList<>();
		Deque<String> tail = new ArrayDeque<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				long now = System.nanoTime();
				if (line.startsWith(MARKER)) {
					String[] parts = line.substring(MARKER.length()).split(" ", 3);
					markers.add(new Marker(parts[0], (parts.length > 1) ? parts[1] : "",
							(parts.length > 2) ? parts[2] : "", now - start));
				}
				else {
					tail.addLast(line);
					if (tail.size() > 40) {
						tail.removeFirst();
					}
				}
			}
		}
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		int exitCode = process.isAlive() ? -1 : process.exitValue();
		return new Run(markers, exitCode, List.copyOf(tail));
	}

	/**
	 * One line the launcher printed.
	 *
	 * @param kind what it reports
	 * @param first its first value
	 * @param rest the rest of the line
	 * @param elapsedNanos when the harness read it, since just before the process started
	 */
	public record Marker(String kind, String first, String rest, long elapsedNanos) {

	}

	/**
	 * What one JVM printed.
	 *
	 * @param markers the launcher's lines, in order
	 * @param exitCode the JVM's exit code
	 * @param tail the last lines of the application's own output, for diagnosis
	 */
	public record Run(List<Marker> markers, int exitCode, List<String> tail) {

		/**
		 * The markers of one kind.
		 * @param kind the kind
		 * @return them, in order
		 */
		public List<Marker> all(String kind) {
			return this.markers.stream().filter((marker) -> marker.kind().equals(kind)).toList();
		}

		/**
		 * The first marker of a kind.
		 * @param kind the kind
		 * @return the marker
		 * @throws IllegalStateException if the JVM did not print one
		 */
		public Marker first(String kind) {
			return this.markers.stream()
				.filter((marker) -> marker.kind().equals(kind))
				.findFirst()
				.orElseThrow(() -> failure("printed no '" + kind + "' line"));
		}

		/**
		 * An exception that says what went wrong, with the JVM's last output.
		 * @param problem what went wrong
		 * @return the exception to throw
		 */
		public IllegalStateException failure(String problem) {
			return new IllegalStateException("The JVM (exit code " + this.exitCode + ") " + problem
					+ "; its last output:\n  " + String.join("\n  ", this.tail));
		}

	}

}
