package dev.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.tributary.benchmarks.artifact.LambdaJvm;

/**
 * The machine and JVM a table was measured on, printed above it.
 *
 * @author Tributary
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + cpuModel() + ", "
				+ Runtime.getRuntime().availableProcessors() + " CPUs (nproc); JDK " + System.getProperty("java.vm.name")
				+ " " + System.getProperty("java.runtime.version") + "; Lambda JVM flags "
				+ String.join(" ", LambdaJvm.LAMBDA_FLAGS) + ".";
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

}
