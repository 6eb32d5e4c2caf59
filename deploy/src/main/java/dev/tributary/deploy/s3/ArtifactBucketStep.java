package dev.tributary.deploy.s3;

import java.util.List;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext.CodeLocation;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket deploy owns for artifacts over the direct upload limit, and the artifact in it
 * (keyed by its SHA-256, so an unchanged artifact is never uploaded twice). Private: every
 * public access is blocked.
 *
 * @author Tributary
 */
public final class ArtifactBucketStep implements ResourceStep {

	static final String TYPE = "bucket";

	@Override
	public StepPlan plan(DeployContext context) {
		String bucket = bucketName(context);
		String key = "artifacts/" + context.artifact().sha256Hex() + ".zip";
		S3Client s3 = context.clients().s3();
		CodeLocation location = new CodeLocation(bucket, key);
		if (!S3Buckets.exists(s3, bucket)) {
			return new StepPlan(ResourceChange.of(TYPE, bucket, Action.CREATE, List.of(FieldChange.set("Object", key))),
					() -> {
						S3Buckets.createPrivate(context, bucket, "bucket");
						upload(context, location);
					});
		}
		if (objectExists(s3, bucket, key)) {
			context.codeLocation(location);
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, bucket));
		}
		return new StepPlan(ResourceChange.of(TYPE, bucket, Action.UPDATE, List.of(FieldChange.set("Object", key))),
				() -> upload(context, location));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String bucket = bucketName(context);
		S3Client s3 = context.clients().s3();
		if (!S3Buckets.exists(s3, bucket)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, bucket));
		}
		return new StepPlan(ResourceChange.of(TYPE, bucket, Action.DELETE, List.of()), () -> {
			s3.listObjectsV2Paginator((request) -> request.bucket(bucket))
				.contents()
				.forEach((object) -> s3.deleteObject((request) -> request.bucket(bucket).key(object.key())));
			context.retrier().run("DeleteBucket " + bucket, () -> s3.deleteBucket((request) -> request.bucket(bucket)));
		});
	}

	private static String bucketName(DeployContext context) {
		return context.names().bucket(context.accountId(), context.region());
	}

	private static void upload(DeployContext context, CodeLocation location) {
		context.progress("  uploading " + context.artifact().path().getFileName() + " (" + context.artifact().size()
				+ " bytes) to s3://" + location.bucket() + "/" + location.key());
		context.retrier()
			.run("PutObject " + location.key(), () -> context.clients()
				.s3()
				.putObject((request) -> request.bucket(location.bucket()).key(location.key()),
						RequestBody.fromFile(context.artifact().path())));
		context.codeLocation(location);
	}

	private static boolean objectExists(S3Client s3, String bucket, String key) {
		try {
			s3.headObject((request) -> request.bucket(bucket).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

}
