package dev.tributary.deploy.s3;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tributary.deploy.resource.DeployContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The read calls on a bucket that planning makes.
 *
 * @author Tributary
 */
final class S3Buckets {

	private S3Buckets() {
	}

	/**
	 * Whether the bucket exists (and the caller may see it).
	 */
	static boolean exists(S3Client s3, String bucket) {
		try {
			s3.headBucket((request) -> request.bucket(bucket));
			return true;
		}
		catch (NoSuchBucketException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * The bucket's tags, none when it has no tag set.
	 */
	static Map<String, String> tags(S3Client s3, String bucket) {
		try {
			return s3.getBucketTagging((request) -> request.bucket(bucket))
				.tagSet()
				.stream()
				.collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Map.of();
			}
			throw ex;
		}
	}

	/**
	 * Create a private bucket (every public access blocked) tagged with the owner tags.
	 * @param context the run's context
	 * @param bucket the bucket's name
	 * @param resourceId the bucket's resource id in the tags
	 */
	static void createPrivate(DeployContext context, String bucket, String resourceId) {
		S3Client s3 = context.clients().s3();
		context.retrier().run("CreateBucket " + bucket, () -> s3.createBucket((request) -> {
			request.bucket(bucket);
			if (!"us-east-1".equals(context.region())) {
				request.createBucketConfiguration((configuration) -> configuration.locationConstraint(context.region()));
			}
		}));
		s3.putPublicAccessBlock((request) -> request.bucket(bucket)
			.publicAccessBlockConfiguration((block) -> block.blockPublicAcls(true)
				.blockPublicPolicy(true)
				.ignorePublicAcls(true)
				.restrictPublicBuckets(true)));
		List<Tag> tags = context.tags()
			.forResource(resourceId)
			.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		s3.putBucketTagging((request) -> request.bucket(bucket).tagging((tagging) -> tagging.tagSet(tags)));
	}

}
