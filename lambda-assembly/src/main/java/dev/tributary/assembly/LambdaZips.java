package dev.tributary.assembly;

import java.io.IOException;
import java.io.InputStream;
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
 * What the build steps on a Lambda zip share: unpacking it as Lambda does into
 * {@code /var/task}, its class path in Lambda's order, and copying an entry's metadata.
 *
 * @author Tributary
 */
final class LambdaZips {

	private static final String LIB = "lib";

	private LambdaZips() {
	}

	/**
	 * Unpack a zip.
	 * @param zip the zip
	 * @param into the directory to unpack into
	 * @throws IOException if it cannot be read, or an entry would land outside the directory
	 */
	static void unzip(Path zip, Path into) throws IOException {
		Path root = into.toAbsolutePath().normalize();
		Files.createDirectories(root);
		try (ZipFile in = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path target = root.resolve(entry.getName()).normalize();
				if (!target.startsWith(root)) {
					throw new IOException("Entry outside the zip's root: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream input = in.getInputStream(entry)) {
					Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * The class path of an unpacked zip as Lambda's Java runtime builds it.
	 * @param task where the zip is unpacked
	 * @return the directory itself, then {@code lib/*.jar} in name order
	 * @throws IOException if {@code lib} cannot be listed
	 */
	static List<Path> classPath(Path task) throws IOException {
		List<Path> classPath = new ArrayList<>();
		classPath.add(task);
		Path lib = task.resolve(LIB);
		if (Files.isDirectory(lib)) {
			try (Stream<Path> jars = Files.list(lib)) {
				jars.filter((jar) -> jar.toString().endsWith(".jar")).sorted().forEach(classPath::add);
			}
		}
		return classPath;
	}

	/**
	 * A new entry with an entry's name, time, extra field and comment, for another zip.
	 * @param entry the entry
	 * @return its copy, with no size or method set
	 */
	static ZipEntry copyOf(ZipEntry entry) {
		ZipEntry copy = new ZipEntry(entry.getName());
		copy.setTime(entry.getTime());
		if (entry.getExtra() != null) {
			copy.setExtra(entry.getExtra());
		}
		if (entry.getComment() != null) {
			copy.setComment(entry.getComment());
		}
		return copy;
	}

}
