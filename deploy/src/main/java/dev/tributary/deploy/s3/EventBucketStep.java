package dev.tributary.deploy.s3;

import java.util.List;

import dev.tributary.S3BucketDescriptor;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.Assert;

/**
 * A bucket S3 event processors read the notifications of. A declared bucket is created when
 * absent (private, tagged with the owner tags); a bucket of that name found without this app's
 * and stage's tags, or named by ARN, is used as it is. Destroy keeps every bucket: it holds the
 * application's data, which deploy never deletes.
 *
 * @author Tributary
 */
public final class EventBucketStep implements ResourceStep {

	static final String TYPE = "bucket";

	private final S3BucketDescriptor bucket;

	/**
	 * Create the step.
	 * @param bucket the bucket
	 */
	public EventBucketStep(S3BucketDescriptor bucket) {
		Assert.notNull(bucket, "'bucket' must not be null");
		this.bucket = bucket;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String name = this.bucket.name();
		S3Client s3 = context.clients().s3();
		boolean exists = S3Buckets.exists(s3, name);
		if (this.bucket.isExisting()) {
			if (!exists) {
				throw new DeployException("S3 bucket " + this.bucket.arn() + " does not exist (or this account cannot "
						+ "see it): a bucket named by its ARN is never created; create it, or declare it under "
						+ "tributary.buckets." + this.bucket.id() + " so that deploy creates it");
			}
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		if (!exists) {
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
					List.of(FieldChange.set("PublicAccess", "blocked"))),
					() -> S3Buckets.createPrivate(context, name, "bucket/" + this.bucket.id()));
		}
		if (!context.tags().isManaged(S3Buckets.tags(s3, name))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"used as it is: it was not created by Tributary for this app and stage"));
		}
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String name = this.bucket.name();
		return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
				"kept: deploy never deletes a bucket of the application's data; empty and delete it yourself"));
	}

}
