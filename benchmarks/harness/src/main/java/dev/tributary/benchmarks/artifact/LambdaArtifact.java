package dev.tributary.benchmarks.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment artifact unpacked the way Lambda unpacks it into {@code /var/task}: a zip or a
 * jar, whose class path is its root and every jar in {@code lib/}.
 *
 * @author Tributary
 */
public final class LambdaArtifact {

	private final Path file;

	private final Path taskRoot;

	private final List<Path> classPath;

	private LambdaArtifact(Path file, Path taskRoot, List<Path> classPath) {
		this.file = file;
		this.taskRoot = taskRoot;
		this.classPath = classPath;
	}

	/**
	 * Unpack an artifact.
	 * @param file the zip or jar
	 * @param taskRoot an empty directory to unpack into
	 * @return the unpacked artifact
	 */
	public static LambdaArtifact unpack(Path file, Path taskRoot) {
		try {
			unzip(file, taskRoot);
			if (Files.isDirectory(taskRoot.resolve("BOOT-INF"))) {
				throw new IllegalArgumentException(file + " is a Spring Boot executable jar, which Lambda cannot load");
			}
			List<Path> classPath = new ArrayList<>();
			classPath.add(taskRoot);
			Path lib = taskRoot.resolve("lib");
			if (Files.isDirectory(lib)) {
				try (Stream<Path> jars = Files.list(lib)) {
					jars.filter((jar) -> jar.toString().endsWith(".jar")).sorted().forEach(classPath::add);
				}
			}
			return new LambdaArtifact(file, taskRoot, List.copyOf(classPath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack " + file, ex);
		}
	}

	static boolean isBootExecutableJar(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry("BOOT-INF/") != null || zip.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The artifact as built.
	 * @return the zip or jar
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * Where it is unpacked ({@code LAMBDA_TASK_ROOT}).
	 * @return the directory
	 */
	public Path taskRoot() {
		return this.taskRoot;
	}

	/**
	 * Its class path, as Lambda builds it.
	 * @return the task root, then {@code lib/*.jar}
	 */
	public List<Path> classPath() {
		return this.classPath;
	}

	/**
	 * Size of the artifact as uploaded.
	 * @return size in bytes
	 */
	public long sizeBytes() {
		try {
			return Files.size(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void unzip(Path file, Path into) throws IOException {
		Path root = into.toAbsolutePath().normalize();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path target = root.resolve(entry.getName()).normalize();
				if (!target.startsWith(root)) {
					throw new IOException("Entry outside the artifact: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					try (InputStream input = zip.getInputStream(entry)) {
						Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
	}

}
