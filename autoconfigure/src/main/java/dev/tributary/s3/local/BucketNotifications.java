package dev.tributary.s3.local;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.S3BucketDescriptor;
import dev.tributary.S3EventBinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket and its notification configuration in the emulator: creates a declared bucket when
 * absent, checks that a bucket named by ARN exists, and sets a processor's queue notification
 * (id {@code tributary-<processor>}) while keeping every other entry of the bucket's
 * configuration as it was.
 *
 * @author Tributary
 */
final class BucketNotifications {

	private static final Log logger = LogFactory.getLog(BucketNotifications.class);

	private final S3Client s3;

	BucketNotifications(S3Client s3) {
		this.s3 = s3;
	}

	/**
	 * The id of a processor's entry in a bucket's notification configuration.
	 */
	static String entryId(String processor) {
		return "tributary-" + processor;
	}

	void provisionBucket(S3BucketDescriptor bucket) {
		if (exists(bucket.name())) {
			return;
		}
		if (bucket.isExisting()) {
			throw new IllegalStateException("S3 bucket " + bucket.arn() + " does not exist in the AWS endpoint the "
					+ "local runtime uses. A bucket named by its ARN is never created: create it first, or declare it "
					+ "under tributary.buckets.<id> so that the application creates it");
		}
		this.s3.createBucket((request) -> request.bucket(bucket.name()));
		logger.info("Created S3 bucket '" + bucket.name() + "'");
	}

	void notify(S3EventBinding binding, String processor, String queueArn) {
		String bucket = binding.bucket().name();
		GetBucketNotificationConfigurationResponse current = this.s3
			.getBucketNotificationConfiguration((request) -> request.bucket(bucket));
		String id = entryId(processor);
		List<QueueConfiguration> queues = new ArrayList<>();
		current.queueConfigurations().stream().filter((entry) -> !id.equals(entry.id())).forEach(queues::add);
		queues.add(entry(binding, id, queueArn));
		NotificationConfiguration desired = NotificationConfiguration.builder()
			.queueConfigurations(queues)
			.topicConfigurations(current.topicConfigurations())
			.lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
			.eventBridgeConfiguration(current.eventBridgeConfiguration())
			.build();
		this.s3.putBucketNotificationConfiguration((request) -> request.bucket(bucket)
			.notificationConfiguration(desired));
		logger.info("S3 bucket '" + bucket + "' notifies processor '" + processor + "' of " + binding.events()
				+ " through queue " + queueArn);
	}

	private static QueueConfiguration entry(S3EventBinding binding, String id, String queueArn) {
		List<FilterRule> rules = new ArrayList<>();
		// Filter rules with empty values are refused (moto asserts on them): leave them out. The
		// names are lower case, as the API documents them (the SDK's enum sends "Prefix", which
		// moto refuses).
		if (!binding.prefix().isEmpty()) {
			rules.add(FilterRule.builder().name("prefix").value(binding.prefix()).build());
		}
		if (!binding.suffix().isEmpty()) {
			rules.add(FilterRule.builder().name("suffix").value(binding.suffix()).build());
		}
		QueueConfiguration.Builder entry = QueueConfiguration.builder()
			.id(id)
			.queueArn(queueArn)
			.eventsWithStrings(binding.events());
		if (!rules.isEmpty()) {
			entry.filter((filter) -> filter.key((key) -> key.filterRules(rules)));
		}
		return entry.build();
	}

	private boolean exists(String bucket) {
		try {
			this.s3.headBucket((request) -> request.bucket(bucket));
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

}
