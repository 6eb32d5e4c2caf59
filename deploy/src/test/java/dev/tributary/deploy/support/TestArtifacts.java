package dev.tributary.deploy.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small Lambda zips built on the fly: deploy's tests never need the sample app's artifact.
 *
 * @author Tributary
 */
public final class TestArtifacts {

	private TestArtifacts() {
	}

	/**
	 * Write a zip holding one class-like entry whose content is {@code version}.
	 * @param directory where to write it
	 * @param version distinguishes one build from another
	 * @return the zip
	 * @throws IOException if it cannot be written
	 */
	public static Path zip(Path directory, String version) throws IOException {
		return write(directory.resolve("function-" + version + ".zip"), version);
	}

	/**
	 * Write a zip of this name, as {@link #zip(Path, String)} does: for zips named as
	 * {@code mvn package} names them.
	 * @param zip the zip's path
	 * @param version distinguishes one build from another
	 * @return the zip
	 * @throws IOException if it cannot be written
	 */
	public static Path write(Path zip, String version) throws IOException {
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
			ZipEntry entry = new ZipEntry("dev/tributary/sample/Version.txt");
			entry.setTime(0);
			zipOut.putNextEntry(entry);
			zipOut.write(version.getBytes(StandardCharsets.UTF_8));
			zipOut.closeEntry();
		}
		return zip;
	}

}
