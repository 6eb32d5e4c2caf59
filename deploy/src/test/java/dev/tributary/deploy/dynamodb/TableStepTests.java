package dev.tributary.deploy.dynamodb;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.KeyAttribute;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.aws.AwsConnection;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.PlanPrinter;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.StepPlan;
import dev.tributary.deploy.retry.Retrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TableStep}'s stream view type planning, with a fake DynamoDB: moto cannot
 * disable a stream, so a replacement cannot run there.
 *
 * @author Tributary
 */
class TableStepTests {

	private static final TableDescriptor TABLE = new TableDescriptor("items", "items",
			new KeyAttribute("id", KeyAttribute.ScalarType.S), null);

	private final FakeDynamoDb dynamoDb = new FakeDynamoDb();

	private final DeployClients unused = DeployClients.create(new AwsConnection(URI.create("http://127.0.0.1:9"),
			Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), "unused"),
			List.of());

	private final DeployContext context = new DeployContext(
			DeployOptions.builder("shop").artifact(Path.of("unused.zip")).build(),
			new DeployClients(Region.US_EAST_1, this.dynamoDb, this.unused.iam(), this.unused.lambda(),
					this.unused.logs(), this.unused.s3(), this.unused.sqs(), this.unused.kinesis(), this.unused.sts()),
			Retrier.standard(), (line) -> {
			}, "123456789012");

	@AfterEach
	void close() {
		this.unused.close();
	}

	@Test
	void streamThatDoesNotCoverTheProcessorsIsReplacedWithItsConsequenceInThePlan() {
		this.dynamoDb.stream(StreamViewType.KEYS_ONLY, "arn:stream/old");

		StepPlan plan = new TableStep(TABLE, StreamViewType.NEW_AND_OLD_IMAGES).plan(this.context);

		assertThat(plan.change().action()).isEqualTo(Action.REPLACE);
		assertThat(plan.change().changes()).singleElement().hasToString("StreamViewType: KEYS_ONLY -> NEW_AND_OLD_IMAGES");
		assertThat(plan.change().findConsequence()).hasValueSatisfying((consequence) -> assertThat(consequence)
			.contains("arn:stream/old is retired")
			.contains("event source mapping is recreated on the new stream")
			.contains("never delivered (a gap for the consumer)"));
		// The role policy and the mapping must wait for the new stream's ARN.
		assertThat(this.context.streamArn("items")).isEmpty();
		assertThat(new PlanPrinter().format(new Plan(List.of(plan.change())))).contains("! replace")
			.contains("! table items: the stream is disabled and a new one enabled")
			.contains("1 to replace");
		assertThat(this.dynamoDb.updates).isEmpty();
	}

	@Test
	void replacementDisablesTheOldStreamBeforeEnablingTheNewOneAndPublishesItsArn() {
		this.dynamoDb.stream(StreamViewType.KEYS_ONLY, "arn:stream/old");
		StepPlan plan = new TableStep(TABLE, StreamViewType.NEW_AND_OLD_IMAGES).plan(this.context);

		plan.apply().run();

		assertThat(this.dynamoDb.updates).extracting(UpdateTableRequest::streamSpecification)
			.containsExactly(StreamSpecification.builder().streamEnabled(false).build(), StreamSpecification.builder()
				.streamEnabled(true)
				.streamViewType("NEW_AND_OLD_IMAGES")
				.build());
		assertThat(this.context.streamArn("items")).hasValue("arn:stream/2");
	}

	@Test
	void streamThatAlreadyCoversTheProcessorsIsKept() {
		this.dynamoDb.stream(StreamViewType.NEW_AND_OLD_IMAGES, "arn:stream/kept");

		StepPlan plan = new TableStep(TABLE, StreamViewType.NEW_IMAGE).plan(this.context);

		assertThat(plan.change().action()).isEqualTo(Action.UNCHANGED);
		assertThat(plan.change().changes()).isEmpty();
		assertThat(this.context.streamArn("items")).hasValue("arn:stream/kept");
	}

	@Test
	void sameViewTypeIsUnchanged() {
		this.dynamoDb.stream(StreamViewType.KEYS_ONLY, "arn:stream/kept");

		StepPlan plan = new TableStep(TABLE, StreamViewType.KEYS_ONLY).plan(this.context);

		assertThat(plan.change().action()).isEqualTo(Action.UNCHANGED);
	}

	/**
	 * One ACTIVE table whose stream settings {@code UpdateTable} changes; each enabled stream gets
	 * a new ARN, as on AWS.
	 */
	static final class FakeDynamoDb implements DynamoDbClient {

		final List<UpdateTableRequest> updates = new ArrayList<>();

		private StreamSpecification stream = StreamSpecification.builder().streamEnabled(false).build();

		private String streamArn = "";

		void stream(StreamViewType viewType, String arn) {
			this.stream = StreamSpecification.builder().streamEnabled(true).streamViewType(viewType.name()).build();
			this.streamArn = arn;
		}

		@Override
		public DescribeTableResponse describeTable(DescribeTableRequest request) {
			return DescribeTableResponse.builder()
				.table(TableDescription.builder()
					.tableName(request.tableName())
					.tableStatus(TableStatus.ACTIVE)
					.streamSpecification(this.stream)
					.latestStreamArn(this.streamArn)
					.build())
				.build();
		}

		@Override
		public UpdateTableResponse updateTable(UpdateTableRequest request) {
			this.updates.add(request);
			this.stream = request.streamSpecification();
			if (Boolean.TRUE.equals(this.stream.streamEnabled())) {
				this.streamArn = "arn:stream/" + this.updates.size();
			}
			return UpdateTableResponse.builder().build();
		}

		@Override
		public String serviceName() {
			return "dynamodb";
		}

		@Override
		public void close() {
		}

	}

}
