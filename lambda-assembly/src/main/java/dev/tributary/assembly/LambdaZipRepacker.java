package dev.tributary.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a Lambda deployment package so that each jar in {@code lib/} holds its entries
 * uncompressed (stored), and the package compresses them as a whole.
 * <p>
 * A jar compresses each class file by itself, and a small class file compresses poorly on its
 * own; compressed again inside the zip, it does not shrink. Stored, the classes of a jar are
 * compressed by the zip in one stream, where names and signatures shared between classes
 * compress well: the sample's zip gets about 30% smaller. Lambda unpacks the zip before the JVM
 * starts, and the JVM reads a stored entry without inflating it.
 * <p>
 * Entry names, order and timestamps stay as they were (the package stays reproducible); every
 * entry of the package is deflated at the best compression. What nothing reads at runtime is
 * left out of the jars: Maven's {@code META-INF/maven/}, GraalVM's {@code META-INF/native-image/},
 * module descriptors, and Spring Boot's configuration metadata for IDEs (unless
 * spring-boot-properties-migrator, which reads it, is in the zip).
 *
 * @author Tributary
 */
public final class LambdaZipRepacker {

	private static final String LIB = "lib/";

	/**
	 * Entries of the jars that nothing reads on a JVM that loads them from the class path:
	 * Maven's build metadata (pom.xml, pom.properties), GraalVM native-image metadata, and
	 * module descriptors (the class path ignores them).
	 */
	private static final List<String> UNUSED_PREFIXES = List.of("META-INF/maven/", "META-INF/native-image/");

	private static final String MODULE_INFO = "module-info.class";

	/**
	 * Spring Boot's configuration metadata, for IDEs: read at runtime only by
	 * spring-boot-properties-migrator, kept when the zip has it.
	 */
	private static final List<String> CONFIGURATION_METADATA = List.of("META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json");

	private static final String PROPERTIES_MIGRATOR = LIB + "spring-boot-properties-migrator-";

	private LambdaZipRepacker() {
	}

	/**
	 * Repack each zip named by the arguments, in place.
	 * @param args the zips' paths
	 * @throws IOException if a zip cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length == 0) {
			throw new IllegalArgumentException("Name the Lambda zips to repack");
		}
		for (String zip : args) {
			Path path = Path.of(zip);
			long before = Files.size(path);
			repack(path);
			System.out.println("Repacked " + path.getFileName() + " with stored jars: " + before + " -> "
					+ Files.size(path) + " bytes");
		}
	}

	/**
	 * Repack a zip in place: the jars directly in {@code lib/} with stored entries, every entry
	 * deflated.
	 * @param zip the zip
	 * @throws IOException if the zip cannot be read or written
	 */
	public static void repack(Path zip) throws IOException {
		Path repacked = zip.resolveSibling(zip.getFileName() + ".repacking");
		try (ZipFile in = new ZipFile(zip.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(repacked))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			boolean keepConfigurationMetadata = in.stream()
				.anyMatch((entry) -> entry.getName().startsWith(PROPERTIES_MIGRATOR));
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				byte[] content;
				try (InputStream input = in.getInputStream(entry)) {
					content = isLibJar(entry) ? storedJar(input, keepConfigurationMetadata) : input.readAllBytes();
				}
				out.putNextEntry(LambdaZips.copyOf(entry));
				out.write(content);
				out.closeEntry();
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(repacked);
			throw ex;
		}
		Files.move(repacked, zip, StandardCopyOption.REPLACE_EXISTING);
	}

	static boolean isUnusedAtRuntime(String name, boolean keepConfigurationMetadata) {
		return UNUSED_PREFIXES.stream().anyMatch(name::startsWith) || name.equals(MODULE_INFO)
				|| (name.startsWith("META-INF/versions/") && name.endsWith("/" + MODULE_INFO))
				|| (!keepConfigurationMetadata && CONFIGURATION_METADATA.contains(name));
	}

	private static boolean isLibJar(ZipEntry entry) {
		String name = entry.getName();
		return !entry.isDirectory() && name.startsWith(LIB) && name.endsWith(".jar")
				&& name.indexOf('/', LIB.length()) < 0;
	}

	/**
	 * The jar read from the stream, with every entry stored, in the same order.
	 */
	static byte[] storedJar(InputStream jar, boolean keepConfigurationMetadata) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(jar); ZipOutputStream out = new ZipOutputStream(bytes)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				if (isUnusedAtRuntime(entry.getName(), keepConfigurationMetadata)) {
					continue;
				}
				ZipEntry stored = LambdaZips.copyOf(entry);
				stored.setMethod(ZipEntry.STORED);
				stored.setSize(content.length);
				stored.setCompressedSize(content.length);
				CRC32 crc = new CRC32();
				crc.update(content);
				stored.setCrc(crc.getValue());
				out.putNextEntry(stored);
				out.write(content);
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
