package dev.tributary.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.util.Assert;

/**
 * Refuses a Lambda zip older than the compiled classes it should contain: after a change and a
 * compile (an IDE build, or {@code spring-boot:run}, which compiles but does not package),
 * deploying it would silently deploy the old code. The zip's own entries carry fixed
 * timestamps (reproducible builds), so the file's modification time is what tells when it was
 * built.
 *
 * @author Tributary
 */
public final class ArtifactFreshness {

	private ArtifactFreshness() {
	}

	/**
	 * The classes directory built alongside a zip: {@code classes} next to it, as Maven lays
	 * out {@code target}.
	 * @param zip the zip
	 * @return the directory, empty when there is none
	 */
	public static Optional<Path> classesNextTo(Path zip) {
		Path parent = zip.toAbsolutePath().getParent();
		return Optional.ofNullable(parent).map((directory) -> directory.resolve("classes")).filter(Files::isDirectory);
	}

	/**
	 * Refuse a zip older than any file under the classes directory.
	 * @param zip the zip
	 * @param classes the compiled classes
	 * @throws DeployException if a class or resource changed after the zip was built
	 */
	public static void requireNotOlderThan(Path zip, Path classes) {
		Assert.notNull(zip, "'zip' must not be null");
		Assert.notNull(classes, "'classes' must not be null");
		try (Stream<Path> files = Files.walk(classes)) {
			FileTime built = Files.getLastModifiedTime(zip);
			Optional<Path> newest = files.filter(Files::isRegularFile).max(Comparator.comparing(ArtifactFreshness::modified));
			if (newest.isPresent() && modified(newest.get()).compareTo(built) > 0) {
				throw new DeployException("Lambda artifact " + zip.toAbsolutePath() + " (built " + built
						+ ") is older than the compiled classes in " + classes.toAbsolutePath() + " ("
						+ classes.relativize(newest.get()) + " changed " + modified(newest.get())
						+ "): it is stale and would deploy the old code. Run 'mvn package' to rebuild it, then "
						+ "deploy again");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not compare " + zip + " with " + classes, ex);
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
