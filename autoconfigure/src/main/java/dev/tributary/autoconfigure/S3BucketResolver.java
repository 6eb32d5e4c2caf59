package dev.tributary.autoconfigure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tributary.S3BucketDescriptor;

/**
 * Resolves the buckets S3 event processors read: an id declared under
 * {@code tributary.buckets.<id>} (its physical name), an undeclared id (a bucket named after the
 * id in lower case), or the ARN of an existing bucket, which the application never creates or
 * deletes.
 *
 * @author Tributary
 */
class S3BucketResolver {

	private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");

	private final Map<String, TributaryProperties.Bucket> properties;

	private final Map<String, S3BucketDescriptor> resolved = new HashMap<>();

	S3BucketResolver(Map<String, TributaryProperties.Bucket> properties) {
		this.properties = properties;
	}

	S3BucketDescriptor resolve(BoundValue<String> bucketId) {
		return this.resolved.computeIfAbsent(bucketId.value(), (id) -> describe(bucketId));
	}

	private S3BucketDescriptor describe(BoundValue<String> bucketId) {
		String id = bucketId.value();
		if (id.startsWith("arn:")) {
			Matcher arn = BUCKET_ARN.matcher(id);
			if (!arn.matches()) {
				throw new InvalidProcessorBindingException(bucketId.source(), id,
						"It starts like an ARN but is not the ARN of an S3 bucket.",
						"Use an ARN such as arn:aws:s3:::my-files, or the id of a bucket declared under "
								+ TributaryProperties.PREFIX + ".buckets.");
			}
			return new S3BucketDescriptor(id, arn.group(1), id);
		}
		TributaryProperties.Bucket bucket = this.properties.get(id);
		String name = (bucket != null && bucket.getName() != null) ? bucket.getName() : id.toLowerCase(Locale.ROOT);
		String source = (bucket != null && bucket.getName() != null)
				? TributaryProperties.PREFIX + ".buckets." + id + ".name" : bucketId.source();
		new BoundValue<>(name, source).require((candidate) -> BUCKET_NAME.matcher(candidate).matches()
				&& !candidate.contains(".."),
				"A bucket name has 3 to 63 characters: lower-case letters, digits, '.' and '-', starting and ending "
						+ "with a letter or digit.");
		return new S3BucketDescriptor(id, name, null);
	}

}
