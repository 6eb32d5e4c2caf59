package dev.tributary.deploy.support;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.aws.AwsConnection;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.retry.Retrier;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.util.Assert;

/**
 * Deploy's clients and engine against the shared {@code moto_server}, for each test: an app
 * name of its own, every call counted by a {@link CallRecorder}, and the engine's output
 * kept. Register it with {@code @RegisterExtension} on an instance field, next to
 * {@code @ExtendWith(MotoServerExtension.class)}.
 *
 * @author Tributary
 */
public final class DeployTestFixture implements BeforeEachCallback, AfterEachCallback {

	private final String app;

	private final CallRecorder recorder = new CallRecorder();

	private final List<String> output = new ArrayList<>();

	private @Nullable DeployClients clients;

	private @Nullable Deployer deployer;

	/**
	 * A fixture for an app whose name starts with {@code appPrefix}.
	 * @param appPrefix a readable prefix for the app's name
	 */
	public DeployTestFixture(String appPrefix) {
		this.app = MotoServerExtension.uniqueName(appPrefix);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// Functions are created, never run: moto must not look for Docker to run them.
		MotoServerExtension.server().configure("{\"lambda\":{\"use_docker\":false}}");
		AwsConnection connection = new AwsConnection(MotoServerExtension.endpoint(), AwsTestClients.REGION,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "moto");
		this.clients = DeployClients.create(connection, List.of(this.recorder));
		this.deployer = new Deployer(this.clients, Retrier.standard(), this.output::add);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.clients != null) {
			this.clients.close();
		}
	}

	/**
	 * The app's name, unique in this JVM.
	 * @return the name
	 */
	public String app() {
		return this.app;
	}

	/**
	 * The clients, connected to the emulator for the current test.
	 * @return the clients
	 */
	public DeployClients clients() {
		Assert.state(this.clients != null, "Clients are created before each test");
		return this.clients;
	}

	/**
	 * The engine, on {@link #clients()}, writing to {@link #output()}.
	 * @return the engine
	 */
	public Deployer deployer() {
		Assert.state(this.deployer != null, "The deployer is created before each test");
		return this.deployer;
	}

	/**
	 * What every client called.
	 * @return the recorder
	 */
	public CallRecorder recorder() {
		return this.recorder;
	}

	/**
	 * The engine's output lines, which a test may clear.
	 * @return the lines, in order
	 */
	public List<String> output() {
		return this.output;
	}

}
