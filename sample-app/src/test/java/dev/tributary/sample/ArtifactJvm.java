package dev.tributary.sample;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged Lambda zip as Lambda's Java runtime loads it: unpacked, its root and
 * {@code lib/*} on the classpath of a new JVM with Lambda's C1-only flags, a main class that
 * feeds it events and prints one line per invocation.
 */
final class ArtifactJvm {

	/** The processors' zip, which every processor's function deploys (the pom's lambda.artifact). */
	static final Path PROCESSORS = Path.of(System.getProperty("lambda.artifact", "lambda.artifact-not-set"));

	/** The API function's zip (the pom's lambda.api.artifact). */
	static final Path API = Path.of(System.getProperty("lambda.api.artifact", "lambda.api.artifact-not-set"));

	private final Path unzipped;

	private ArtifactJvm(Path unzipped) {
		this.unzipped = unzipped;
	}

	/**
	 * Unpack a zip next to it.
	 * @param artifact the zip: {@link #PROCESSORS} or {@link #API}
	 * @param directory the directory's name
	 * @return the unpacked artifact
	 */
	static ArtifactJvm unpack(Path artifact, String directory) throws IOException {
		Path unzipped = artifact.resolveSibling(directory);
		FileSystemUtils.deleteRecursively(unzipped);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				Path target = unzipped.resolve(entry.getName()).normalize();
				assertThat(target.startsWith(unzipped)).as(entry.getName()).isTrue();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		return new ArtifactJvm(unzipped);
	}

	Path directory() {
		return this.unzipped;
	}

	/**
	 * Run a main class on the artifact with these events, and wait for it.
	 * @param properties system properties ({@code -Dname=value})
	 * @param environment the environment variables to set ({@code null} values are removed)
	 * @param mainClass the main class, from the test classes
	 * @param events the events' files: under src/test/resources/events, or absolute paths
	 * @return what it printed
	 */
	Invocations run(List<String> properties, Map<String, String> environment, Class<?> mainClass, String... events)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
				"-Dsun.stdout.encoding=UTF-8"));
		command.addAll(properties);
		command.addAll(List.of("-cp", classpath(), mainClass.getName()));
		for (String event : events) {
			command.add(Path.of("src/test/resources/events").resolve(event).toAbsolutePath().toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		environment.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		long start = System.nanoTime();
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		List<String> results = new ArrayList<>();
		long responseMillis = -1;
		try (BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = stdout.readLine()) != null) {
				if (line.startsWith(LambdaArtifactMain.RESPONSE) || line.startsWith(LambdaArtifactMain.ERROR)) {
					if (responseMillis < 0) {
						responseMillis = (System.nanoTime() - start) / 1_000_000;
					}
					results.add(line);
				}
				output.append(line).append(System.lineSeparator());
			}
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		System.out.println(output);
		assertThat(process.exitValue()).as(output.toString()).isZero();
		return new Invocations(output.toString(), results, responseMillis);
	}

	private String classpath() {
		return String.join(File.pathSeparator, this.unzipped.toString(), this.unzipped.resolve("lib") + "/*",
				Path.of("target/test-classes").toAbsolutePath().toString());
	}

	/**
	 * What one JVM running the artifact printed.
	 *
	 * @param output everything it printed
	 * @param results one line per invocation: the response or the error, in order
	 * @param responseMillis time from process start to the first result
	 */
	record Invocations(String output, List<String> results, long responseMillis) {

	}

}
