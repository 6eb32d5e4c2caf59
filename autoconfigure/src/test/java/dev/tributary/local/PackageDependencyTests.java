package dev.tributary.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies between the local runtime's packages go one way: no package reaches, directly or
 * through others, a package that reaches it back. Read from the sources (imports and fully
 * qualified names), so it needs no bytecode tool.
 */
class PackageDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.tributary\\.local(?:\\.[a-z]\\w*)*)\\.[A-Z]");

	@Test
	void localRuntimePackagesHaveNoCycles() throws IOException {
		Map<String, Set<String>> dependencies = dependencies();
		assertThat(dependencies).containsKeys("dev.tributary.local", "dev.tributary.local.shard",
				"dev.tributary.local.runtime");
		List<String> cycles = new ArrayList<>();
		for (String from : dependencies.keySet()) {
			for (String to : dependencies.get(from)) {
				if (reaches(dependencies, to, from, new HashSet<>())) {
					cycles.add(from + " -> " + to);
				}
			}
		}
		assertThat(cycles).as("dependencies that are part of a cycle").isEmpty();
	}

	@Test
	void shardEngineDependsOnTheSettingsAndStatusTypesNotTheOtherWay() throws IOException {
		Map<String, Set<String>> dependencies = dependencies();
		assertThat(dependencies.get("dev.tributary.local.shard")).contains("dev.tributary.local");
		assertThat(dependencies.get("dev.tributary.local")).doesNotContain("dev.tributary.local.shard",
				"dev.tributary.local.runtime");
	}

	@Test
	void theShardEngineNamesNoSource() throws IOException {
		Pattern source = Pattern.compile("\\bdev\\.tributary\\.(dynamodb|kinesis)\\b|services\\.kinesis\\b|"
				+ "services\\.dynamodb\\.model\\.Record\\b");
		List<String> naming = new ArrayList<>();
		for (String pkg : List.of("shard", "stream", "filter", "failure", "runtime")) {
			try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/tributary/local/" + pkg))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher matcher = source.matcher(Files.readString(file));
					if (matcher.find()) {
						naming.add(file.getFileName() + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(naming).as("shard engine classes that name a source").isEmpty();
	}

	private static boolean reaches(Map<String, Set<String>> dependencies, String from, String target,
			Set<String> visited) {
		if (from.equals(target)) {
			return true;
		}
		if (!visited.add(from)) {
			return false;
		}
		return dependencies.getOrDefault(from, Set.of())
			.stream()
			.anyMatch((next) -> reaches(dependencies, next, target, visited));
	}

	private static Map<String, Set<String>> dependencies() throws IOException {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/tributary/local"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(),
						".");
				Set<String> uses = dependencies.computeIfAbsent(pkg, (key) -> new TreeSet<>());
				Matcher matcher = REFERENCE.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!matcher.group(1).equals(pkg)) {
						uses.add(matcher.group(1));
					}
				}
			}
		}
		return dependencies;
	}

}
