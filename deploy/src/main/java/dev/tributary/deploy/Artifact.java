package dev.tributary.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.util.Assert;

/**
 * The packaged Lambda zip and its SHA-256, which Lambda reports as {@code CodeSha256} (base64):
 * comparing the two tells whether the code changed without downloading anything.
 *
 * @param path the zip
 * @param size its size in bytes
 * @param sha256Base64 its SHA-256, base64 encoded, as Lambda's {@code CodeSha256}
 * @param sha256Hex its SHA-256 in hex, used as the S3 key
 * @author Tributary
 */
public record Artifact(Path path, long size, String sha256Base64, String sha256Hex) {

	public Artifact {
		Assert.notNull(path, "'path' must not be null");
		Assert.hasText(sha256Base64, "'sha256Base64' must not be empty");
		Assert.hasText(sha256Hex, "'sha256Hex' must not be empty");
	}

	/**
	 * Read a zip and hash it.
	 * @param path the zip
	 * @return the artifact
	 * @throws DeployException if the file does not exist, telling the user to package first
	 */
	public static Artifact of(Path path) {
		Assert.notNull(path, "'path' must not be null");
		if (!Files.isRegularFile(path)) {
			throw new DeployException("Lambda artifact " + path.toAbsolutePath() + " does not exist: run 'mvn package' "
					+ "first (spring-boot:run does not package), or point tributary.deploy.artifact (the API "
					+ "function's: tributary.deploy.api-artifact) at the zip");
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
			return new Artifact(path, Files.size(path), Base64.getEncoder().encodeToString(digest),
					HexFormat.of().formatHex(digest));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + path, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Its {@code CodeSha256} and file name, as a plan shows the code a function gets: which of
	 * the application's zips it is.
	 * @return the description
	 */
	public String describe() {
		return this.sha256Base64 + " (" + this.path.getFileName() + ")";
	}

	/**
	 * The zip's content, for a direct upload.
	 * @return the bytes
	 */
	public byte[] read() {
		try {
			return Files.readAllBytes(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.path, ex);
		}
	}

}
