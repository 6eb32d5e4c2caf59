package dev.tributary.deploy.resource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.retry.Retrier;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What one run knows: its options, clients and account, and the values resources publish for
 * the ones after them (stream ARNs, the artifacts and where they were uploaded).
 *
 * @author Tributary
 */
public final class DeployContext {

	/** How long to wait for a table, function or mapping to settle. */
	public static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

	private final DeployOptions options;

	private final DeployClients clients;

	private final Retrier retrier;

	private final DeployOutput output;

	private final String accountId;

	private final ResourceNames names;

	private final ManagedTags tags;

	private final Map<String, String> streamArns = new HashMap<>();

	private final Map<String, String> kinesisStreamArns = new HashMap<>();

	private final Map<String, String> queueArns = new HashMap<>();

	private final Map<String, String> sourceQueueArns = new HashMap<>();

	private final FunctionArtifacts artifacts;

	/**
	 * Create a context.
	 * @param options the options
	 * @param clients the clients
	 * @param retrier the retrier
	 * @param output where progress goes
	 * @param accountId the caller's account
	 */
	public DeployContext(DeployOptions options, DeployClients clients, Retrier retrier, DeployOutput output,
			String accountId) {
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(retrier, "'retrier' must not be null");
		Assert.notNull(output, "'output' must not be null");
		Assert.hasText(accountId, "'accountId' must not be empty");
		this.options = options;
		this.clients = clients;
		this.retrier = retrier;
		this.output = output;
		this.accountId = accountId;
		this.names = new ResourceNames(options.appName(), options.stage());
		this.tags = new ManagedTags(options.appName(), options.stage());
		this.artifacts = new FunctionArtifacts(options);
	}

	public DeployOptions options() {
		return this.options;
	}

	public DeployClients clients() {
		return this.clients;
	}

	public Retrier retrier() {
		return this.retrier;
	}

	public DeployOutput output() {
		return this.output;
	}

	public String accountId() {
		return this.accountId;
	}

	public String region() {
		return this.clients.region().id();
	}

	public ResourceNames names() {
		return this.names;
	}

	public ManagedTags tags() {
		return this.tags;
	}

	/**
	 * Build an ARN in this account and region.
	 * @param service the service, for example {@code logs}
	 * @param resource the resource part
	 * @return the ARN
	 */
	public String arn(String service, String resource) {
		return "arn:aws:" + service + ":" + region() + ":" + this.accountId + ":" + resource;
	}

	/**
	 * ARN of an on-failure destination given by name or ARN: an ARN as it is (SQS or SNS), a
	 * queue name as its queue step resolved this stage's queue, or, while that queue is still
	 * to be created, the ARN SQS will give it.
	 * @param nameOrArn the queue name or the destination's ARN
	 * @return the ARN
	 */
	public String queueArn(String nameOrArn) {
		if (isArn(nameOrArn)) {
			return nameOrArn;
		}
		return this.queueArns.getOrDefault(nameOrArn, arn("sqs", this.names.queue(nameOrArn)));
	}

	/**
	 * Record the ARN a queue name resolved to.
	 * @param name the queue name
	 * @param arn its ARN
	 */
	public void queueArn(String name, String arn) {
		this.queueArns.put(name, arn);
	}

	/**
	 * Whether an on-failure destination is an ARN (used as it is) rather than a queue name.
	 * @param destination the destination
	 * @return whether it is an ARN
	 */
	public static boolean isArn(String destination) {
		return OnFailureDestinations.isArn(destination);
	}

	/**
	 * ARN of a log group, without the {@code :*} suffix.
	 * @param logGroup the log group name
	 * @return the ARN
	 */
	public String logGroupArn(String logGroup) {
		return arn("logs", "log-group:" + logGroup);
	}

	/**
	 * ARN of an IAM role (IAM ARNs have no region).
	 * @param roleName the role name
	 * @return the ARN
	 */
	public String roleArn(String roleName) {
		return "arn:aws:iam::" + this.accountId + ":role/" + roleName;
	}

	/**
	 * The stream ARN of a table, once its table step has planned or applied.
	 * @param tableId the table id
	 * @return the ARN, empty while unknown (the stream is still to be created or replaced)
	 */
	public Optional<String> streamArn(String tableId) {
		return Optional.ofNullable(this.streamArns.get(tableId));
	}

	/**
	 * Record a table's stream ARN, or forget it while it is still to be created.
	 * @param tableId the table id
	 * @param streamArn the ARN or {@code null}
	 */
	public void streamArn(String tableId, @Nullable String streamArn) {
		if (streamArn == null) {
			this.streamArns.remove(tableId);
		}
		else {
			this.streamArns.put(tableId, streamArn);
		}
	}

	/**
	 * The ARN of a Kinesis data stream, once its stream step has planned or applied.
	 * @param streamId the stream id
	 * @return the ARN, empty while unknown
	 */
	public Optional<String> kinesisStreamArn(String streamId) {
		return Optional.ofNullable(this.kinesisStreamArns.get(streamId));
	}

	/**
	 * Record a Kinesis data stream's ARN, or forget it while it is unknown.
	 * @param streamId the stream id
	 * @param streamArn the ARN or {@code null}
	 */
	public void kinesisStreamArn(String streamId, @Nullable String streamArn) {
		if (streamArn == null) {
			this.kinesisStreamArns.remove(streamId);
		}
		else {
			this.kinesisStreamArns.put(streamId, streamArn);
		}
	}

	/**
	 * The ARN of an SQS queue SQS processors read, once its queue step has planned or applied.
	 * @param queueId the queue id ({@code tributary.queues.<id>}, or the ARN of an existing queue)
	 * @return the ARN, empty while unknown
	 */
	public Optional<String> sourceQueueArn(String queueId) {
		return Optional.ofNullable(this.sourceQueueArns.get(queueId));
	}

	/**
	 * Record the ARN of an SQS queue SQS processors read.
	 * @param queueId the queue id
	 * @param queueArn the ARN
	 */
	public void sourceQueueArn(String queueId, String queueArn) {
		this.sourceQueueArns.put(queueId, queueArn);
	}

	/**
	 * The Lambda zips: the processors' and the API function's.
	 * @return the artifacts
	 */
	public FunctionArtifacts artifacts() {
		return this.artifacts;
	}

	/**
	 * Print a progress line.
	 * @param line the line
	 */
	public void progress(String line) {
		this.output.println(line);
	}

}
