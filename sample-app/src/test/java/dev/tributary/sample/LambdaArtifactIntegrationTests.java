package dev.tributary.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged Lambda zip in a separate JVM, the way Lambda's Java runtime loads it: the
 * zip's root and {@code lib/*} on the classpath, {@code MAIN_CLASS} and
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} in the environment, C1 only.
 */
class LambdaArtifactIntegrationTests {

	// A regression guard, not the 15 MB goal: Spring, Jackson 3, Reactor and the DynamoDB SDK
	// alone come to about 19 MB of jars.
	private static final long MAX_ARTIFACT_BYTES = 21L * 1024 * 1024;

	private static Path artifact;

	private static Path unzipped;

	@BeforeAll
	static void unzipArtifact() throws IOException {
		artifact = Path.of(System.getProperty("lambda.artifact"));
		unzipped = artifact.resolveSibling("lambda-artifact-test");
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
	}

	@Test
	void isSmallAndLeavesOutWhatLambdaDoesNotNeed() throws IOException {
		long size = Files.size(artifact);
		System.out.println("Lambda artifact " + artifact.getFileName() + ": " + size + " bytes");
		assertThat(size).isLessThan(MAX_ARTIFACT_BYTES);
		try (var jars = Files.list(unzipped.resolve("lib"))) {
			assertThat(jars.map((jar) -> jar.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("netty") || name.startsWith("tomcat")
						|| name.startsWith("spring-webmvc") || name.startsWith("sqs-") || name.startsWith("sns-") || name.startsWith("testcontainers")
						|| name.startsWith("apache-client") || name.startsWith("tributary-deploy"))
				.anyMatch((name) -> name.startsWith("url-connection-client"));
		}
		assertThat(unzipped.resolve("dev/tributary/sample/SampleApplication.class")).exists();
	}

	@Test
	void processesAnEventInASeparateJvm() throws Exception {
		Path event = Path.of("src/test/resources/events/items-insert.json").toAbsolutePath();
		String classpath = String.join(java.io.File.pathSeparator, unzipped.toString(),
				unzipped.resolve("lib").toString() + "/*", Path.of("target/test-classes").toAbsolutePath().toString());
		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-XX:+TieredCompilation",
				"-XX:TieredStopAtLevel=1", "-Dtributary.lambda.enabled=true", "-cp", classpath,
				LambdaArtifactMain.class.getName(), event.toString())
			.redirectErrorStream(true);
		builder.environment().put("MAIN_CLASS", SampleApplication.class.getName());
		builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", "logItems");
		long start = System.nanoTime();
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		long responseMillis = -1;
		try (BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = stdout.readLine()) != null) {
				if (line.startsWith(LambdaArtifactMain.RESPONSE)) {
					responseMillis = (System.nanoTime() - start) / 1_000_000;
				}
				output.append(line).append(System.lineSeparator());
			}
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		System.out.println(output);
		assertThat(process.exitValue()).as(output.toString()).isZero();
		assertThat(output.toString().lines()).contains(LambdaArtifactMain.RESPONSE + "{\"batchItemFailures\":[]}");
		assertThat(output.toString()).contains("INSERT: one -> first")
			.doesNotContain("Tomcat")
			.doesNotContain("Netty");
		System.out.println("Lambda artifact: " + responseMillis + " ms from process start to response");
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
