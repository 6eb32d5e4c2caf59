package dev.tributary.local.failure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * An on-failure destination as a processor names it: an SNS topic ARN
 * ({@code arn:aws:sns:region:account:name}), or an SQS queue given by name, URL
 * ({@code https://sqs.region.amazonaws.com/account/name}) or ARN ({@code arn:aws:sqs:...}).
 *
 * @param kind whether it is a queue or a topic
 * @param name the queue's or topic's name
 * @param value the value as configured
 * @param account the owning account when the value names one (ARN or URL), else {@code null}
 * @author Tributary
 */
public record FailureDestinationAddress(Kind kind, String name, String value, @Nullable String account) {

	public FailureDestinationAddress {
		Assert.notNull(kind, "'kind' must not be null");
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(value, "'value' must not be empty");
	}

	/**
	 * Parse a configured destination.
	 * @param value a topic ARN, or a queue name, URL or ARN
	 * @return the address
	 * @throws IllegalArgumentException if an ARN or URL has no name in it
	 */
	public static FailureDestinationAddress parse(String value) {
		Assert.hasText(value, "'value' must not be empty");
		String trimmed = value.trim();
		if (trimmed.startsWith("arn:")) {
			String[] parts = trimmed.split(":", 6);
			Assert.isTrue(parts.length == 6 && StringUtils.hasText(parts[5]),
					() -> "'" + trimmed + "' is not an ARN of the form arn:aws:sqs|sns:region:account:name");
			Kind kind = "sns".equals(parts[2]) ? Kind.TOPIC : Kind.QUEUE;
			return new FailureDestinationAddress(kind, parts[5], trimmed, StringUtils.hasText(parts[4]) ? parts[4] : null);
		}
		if (trimmed.startsWith("https://") || trimmed.startsWith("http://")) {
			String path = URI.create(trimmed).getPath();
			String[] segments = (path != null) ? StringUtils.trimLeadingCharacter(path, '/').split("/") : new String[0];
			Assert.isTrue(segments.length >= 1 && StringUtils.hasText(segments[segments.length - 1]),
					() -> "'" + trimmed + "' is not a queue URL of the form https://sqs.region.amazonaws.com/account/name");
			String account = (segments.length >= 2) ? segments[segments.length - 2] : null;
			return new FailureDestinationAddress(Kind.QUEUE, segments[segments.length - 1], trimmed, account);
		}
		return new FailureDestinationAddress(Kind.QUEUE, trimmed, trimmed, null);
	}

	/**
	 * Whether the value is a queue URL, usable as it is.
	 * @return whether it is a URL
	 */
	public boolean isUrl() {
		return this.value.startsWith("https://") || this.value.startsWith("http://");
	}

	/**
	 * Whether the value is an ARN.
	 * @return whether it is an ARN
	 */
	public boolean isArn() {
		return this.value.startsWith("arn:");
	}

	@Override
	public String toString() {
		return ((this.kind == Kind.TOPIC) ? "SNS topic '" : "SQS queue '") + this.value + "'";
	}

	/**
	 * What receives the failed batches.
	 */
	public enum Kind {

		/** An SQS queue: one message per failed batch. */
		QUEUE,

		/** An SNS topic: one published message per failed batch. */
		TOPIC

	}

}
