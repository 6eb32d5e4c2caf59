package dev.tributary.deploy.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.util.Assert;

/**
 * Fits a name into a length limit: a name that is too long keeps its beginning and ends with a
 * hash of the whole name, so two long names that share a prefix still differ.
 *
 * @author Tributary
 */
public final class NameShortener {

	private static final int HASH_LENGTH = 8;

	private NameShortener() {
	}

	/**
	 * Shorten a name to at most {@code maxLength} characters.
	 * @param name the name
	 * @param maxLength the limit
	 * @return the name itself when it fits, else a prefix, a dash and an 8 character hash
	 */
	public static String shorten(String name, int maxLength) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.isTrue(maxLength > HASH_LENGTH + 1, "'maxLength' must leave room for the hash");
		if (name.length() <= maxLength) {
			return name;
		}
		String prefix = name.substring(0, maxLength - HASH_LENGTH - 1);
		while (prefix.endsWith("-") || prefix.endsWith(".")) {
			prefix = prefix.substring(0, prefix.length() - 1);
		}
		return prefix + "-" + hash(name);
	}

	/**
	 * First eight hex digits of the SHA-256 of a text.
	 * @param text the text
	 * @return the short hash
	 */
	public static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
