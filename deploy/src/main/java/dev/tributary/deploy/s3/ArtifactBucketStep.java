package dev.tributary.deploy.s3;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.deploy.Artifact;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.FunctionArtifacts;
import dev.tributary.deploy.resource.FunctionArtifacts.CodeLocation;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket deploy owns for artifacts over the direct upload limit, and those artifacts in it
 * (the processors' zip, the API function's, or both; each keyed by its SHA-256, so an unchanged
 * artifact is never uploaded twice). Private: every public access is blocked.
 *
 * @author Tributary
 */
public final class ArtifactBucketStep implements ResourceStep {

	static final String TYPE = "bucket";

	@Override
	public StepPlan plan(DeployContext context) {
		String bucket = bucketName(context);
		S3Client s3 = context.clients().s3();
		FunctionArtifacts deployed = context.artifacts();
		List<Artifact> artifacts = deployed.deployed().stream().filter(deployed::usesBucket).toList();
		if (!S3Buckets.exists(s3, bucket)) {
			return new StepPlan(ResourceChange.of(TYPE, bucket, Action.CREATE, objects(artifacts)), () -> {
				S3Buckets.createPrivate(context, bucket, "bucket");
				artifacts.forEach((artifact) -> upload(context, artifact, location(bucket, artifact)));
			});
		}
		List<Artifact> missing = new ArrayList<>();
		for (Artifact artifact : artifacts) {
			CodeLocation location = location(bucket, artifact);
			if (objectExists(s3, bucket, location.key())) {
				deployed.codeLocation(artifact, location);
			}
			else {
				missing.add(artifact);
			}
		}
		if (missing.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, bucket));
		}
		return new StepPlan(ResourceChange.of(TYPE, bucket, Action.UPDATE, objects(missing)),
				() -> missing.forEach((artifact) -> upload(context, artifact, location(bucket, artifact))));
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

	// Keyed by content: an unchanged artifact is never uploaded twice, whichever functions deploy it.
	private static CodeLocation location(String bucket, Artifact artifact) {
		return new CodeLocation(bucket, key(artifact));
	}

	private static String key(Artifact artifact) {
		return "artifacts/" + artifact.sha256Hex() + ".zip";
	}

	private static List<FieldChange> objects(List<Artifact> artifacts) {
		return artifacts.stream()
			.map((artifact) -> FieldChange.set("Object", key(artifact) + " (" + artifact.path().getFileName() + ")"))
			.toList();
	}

	private static void upload(DeployContext context, Artifact artifact, CodeLocation location) {
		context.progress("  uploading " + artifact.path().getFileName() + " (" + artifact.size() + " bytes) to s3://"
				+ location.bucket() + "/" + location.key());
		context.retrier()
			.run("PutObject " + location.key(), () -> context.clients()
				.s3()
				.putObject((request) -> request.bucket(location.bucket()).key(location.key()),
						RequestBody.fromFile(artifact.path())));
		context.artifacts().codeLocation(artifact, location);
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
