package dev.tributary.deploy.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the zips {@code mvn package} built: the processors' {@code <finalName>-lambda.zip} in
 * {@code target}, and beside it the API function's {@code <finalName>-api-lambda.zip}, which an
 * application with an HTTP API packages so that the processors' zip can leave Spring MVC out.
 *
 * @author Tributary
 */
final class LambdaZips {

	private static final String SUFFIX = "-lambda.zip";

	private static final String API_SUFFIX = "-api-lambda.zip";

	private LambdaZips() {
	}

	/**
	 * The only {@code *-lambda.zip} in {@code target} that is not another's API zip, or
	 * {@code null} (a deploy then fails telling the user to package first; plan of destroy and
	 * logs need none).
	 */
	static @Nullable Path find(Path workingDirectory) {
		Path target = workingDirectory.resolve("target");
		if (!Files.isDirectory(target)) {
			return null;
		}
		try (Stream<Path> files = Files.list(target)) {
			List<Path> zips = files.filter((file) -> file.getFileName().toString().endsWith(SUFFIX)).toList();
			List<Path> artifacts = zips.stream()
				.filter((zip) -> zips.stream().noneMatch((other) -> zip.equals(api(other))))
				.toList();
			return (artifacts.size() == 1) ? artifacts.get(0) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The API zip packaged with an artifact, or {@code null} when there is none (the API
	 * function then deploys the artifact).
	 */
	static @Nullable Path apiNextTo(@Nullable Path artifact) {
		Path api = (artifact != null) ? api(artifact) : null;
		return (api != null && Files.isRegularFile(api)) ? api : null;
	}

	private static @Nullable Path api(Path artifact) {
		String name = artifact.getFileName().toString();
		if (!name.endsWith(SUFFIX) || name.endsWith(API_SUFFIX)) {
			return null;
		}
		return artifact.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + API_SUFFIX);
	}

}
