package dev.tributary.deploy.lock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.retry.Retrier;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The deploy lock and mapping adoption against {@code moto_server}: concurrent deploys of one
 * app and stage, stale locks, and a mapping another deploy created meanwhile.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class DeployLockIntegrationTests {

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("lock");

	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path directory;

	@Test
	void twoDeploysAtOnceEndWithOneMappingAndTheLoserIsToldWhoHoldsTheLock() throws Exception {
		TestRegistry registry = registry();
		DeployOptions options = options();
		List<String> secondOutput = new CopyOnWriteArrayList<>();
		Deployer second = new Deployer(this.fixture.clients(), Retrier.standard(), secondOutput::add);
		CountDownLatch loserDone = new CountDownLatch(1);
		// The winner waits at its first resource until the loser has given up, so that both
		// truly overlap whatever the scheduling.
		this.fixture.recorder().beforeNext("CreateTable", () -> await(loserDone));
		CyclicBarrier start = new CyclicBarrier(2);
		List<DeployException> failures = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (Deployer deployer : List.of(this.fixture.deployer(), second)) {
				runs.add(executor.submit(() -> {
					start.await(1, TimeUnit.MINUTES);
					try {
						deployer.deploy(registry, options);
					}
					catch (DeployException ex) {
						failures.add(ex);
						loserDone.countDown();
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(3, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(failures).singleElement()
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Another deploy of app '" + this.fixture.app() + "' stage 'dev' holds the lock since ")
				.contains(" s ago): owner ", " on ", "(pid ", "Wait for it to finish and run again. If it died, run "
						+ "again with tributary.deploy.break-lock=true once the lock is older than "
						+ "tributary.deploy.lock-stale-after (PT15M), or delete the item '" + this.fixture.app()
						+ "/dev' from the DynamoDB table tributary-deploy-locks"));
		assertThat(mappings()).hasSize(1);
		assertThat(lockItem()).isEmpty();
	}

	@Test
	void aStaleLockIsBrokenOnlyWhenAskedAndOnlyOnceOlderThanStaleAfter() throws Exception {
		Instant since = Instant.now().minus(Duration.ofHours(1));
		putLock("crashed-run", since);

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry(), options()))
			.withMessageContaining("holds the lock since " + since + " (")
			.withMessageContaining("owner crashed-run on build-7");
		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer()
				.deploy(registry(), options().toBuilder().breakLock(true).lockStaleAfter(Duration.ofHours(2)).build()))
			.withMessageStartingWith("tributary.deploy.break-lock=true refuses to break the lock of app '"
					+ this.fixture.app() + "' stage 'dev': it was taken ")
			.withMessageEndingWith(" s ago (since " + since + ") by owner crashed-run on build-7, less than "
					+ "tributary.deploy.lock-stale-after (PT2H), so that deploy may still be running. Wait for it, "
					+ "or lower tributary.deploy.lock-stale-after if you know it died");
		assertThat(mappings()).isEmpty();

		this.fixture.deployer().deploy(registry(), options().toBuilder().breakLock(true).build());

		assertThat(this.fixture.output()).contains("Broke the stale deploy lock of app '" + this.fixture.app()
				+ "' stage 'dev' held since " + since + " by owner crashed-run on build-7");
		assertThat(mappings()).hasSize(1);
		assertThat(lockItem()).isEmpty();
	}

	@Test
	void theLockIsReleasedWhenADeployFails() throws Exception {
		this.fixture.recorder().failOnMutatingCall(3);

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry(), options()))
			.withMessageContaining("Injected failure");

		assertThat(this.fixture.recorder().lockCalls()).contains("PutItem", "DeleteItem");
		assertThat(lockItem()).isEmpty();
		this.fixture.deployer().deploy(registry(), options());
		assertThat(mappings()).hasSize(1);
	}

	@Test
	void aMappingAnotherDeployCreatedMeanwhileIsAdoptedNotDuplicated() throws Exception {
		String function = new ResourceNames(this.fixture.app(), "dev").function("orders");
		this.fixture.recorder().beforeNext("CreateEventSourceMapping", () -> {
			String stream = this.fixture.clients().dynamoDb()
				.describeTable((request) -> request.tableName(this.table))
				.table()
				.latestStreamArn();
			String uuid = this.fixture.clients().lambda()
				.createEventSourceMapping((request) -> request.functionName(function)
					.eventSourceArn(stream)
					.startingPosition("LATEST"))
				.uuid();
			// What Lambda answers to a second mapping on the same function and stream.
			throw ResourceConflictException.builder()
				.message("The event source arn (" + stream + ") and function (" + function
						+ ") provided mapping already exists. Please update or delete the existing mapping with UUID "
						+ uuid)
				.statusCode(409)
				.awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceConflictException").build())
				.build();
		});

		this.fixture.deployer().deploy(registry(), options());

		assertThat(mappings()).hasSize(1);
		assertThat(this.fixture.output()).anySatisfy((line) -> assertThat(line).startsWith("  adopted mapping ")
			.endsWith(", already there (another deploy created it); the next run aligns its settings"));
	}

	private List<EventSourceMappingConfiguration> mappings() {
		String function = new ResourceNames(this.fixture.app(), "dev").function("orders");
		return this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings();
	}

	private Map<String, AttributeValue> lockItem() {
		return this.fixture.clients().dynamoDb()
			.getItem((request) -> request.tableName(DeployLock.TABLE)
				.key(Map.of("lock", AttributeValue.fromS(this.fixture.app() + "/dev")))
				.consistentRead(true))
			.item();
	}

	private void putLock(String owner, Instant since) {
		LockTable.ensure(this.fixture.clients().dynamoDb(), Retrier.standard(), DeployLock.TABLE);
		this.fixture.clients().dynamoDb()
			.putItem((request) -> request.tableName(DeployLock.TABLE)
				.item(Map.of("lock", AttributeValue.fromS(this.fixture.app() + "/dev"), "owner",
						AttributeValue.fromS(owner), "host", AttributeValue.fromS("build-7"), "startedAt",
						AttributeValue.fromS(since.toString()), "expires",
						AttributeValue.fromN(String.valueOf(since.plus(Duration.ofMinutes(15)).getEpochSecond())))));
	}

	private TestRegistry registry() {
		return TestRegistry.of("orders", this.table, ProcessorOptions.builder().build());
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
