package dev.tributary;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A bucket whose event notifications processors read: declared under
 * {@code tributary.buckets.<id>} (created locally when absent), or named by the ARN of an existing
 * bucket ({@code arn:aws:s3:::name}), which the application never creates or deletes.
 *
 * @param id the id processors name it by
 * @param name the bucket's name
 * @param arn the ARN it was named by, or {@code null} for a declared bucket
 * @author Tributary
 */
public record S3BucketDescriptor(String id, String name, @Nullable String arn) {

	public S3BucketDescriptor {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(name, "'name' must not be empty");
	}

	/**
	 * Whether the bucket was named by its ARN: it exists and is managed elsewhere.
	 * @return whether it is an existing bucket
	 */
	public boolean isExisting() {
		return this.arn != null;
	}

}
