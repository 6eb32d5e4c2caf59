package dev.tributary.test.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.tributary.local.emulator.MotoServer;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.Assert;

/**
 * The {@code moto_server} a test run shares: started on first use, once per JVM (Maven's
 * Surefire runs a module's tests in one), and stopped when the JVM exits.
 * <p>
 * When the {@code TRIBUTARY_MOTO_ENDPOINT} environment variable (or the
 * {@code tributary.test.moto-endpoint} system property) names an endpoint, the emulator running
 * there is used, and must answer. Otherwise {@code moto_server} is started from the {@code PATH}
 * on a free port. When neither is possible the test is aborted (skipped), except with
 * {@code CI=true}, where it fails: a build must never pass on CI without having run its
 * emulator tests.
 * <p>
 * The emulator keeps its state for the whole run: give each test names of its own
 * ({@link #uniqueName(String)}) instead of resetting it.
 *
 * @author Tributary
 */
public final class MotoEmulator {

	/** Environment variable naming a running emulator to use. */
	public static final String ENDPOINT_VARIABLE = "TRIBUTARY_MOTO_ENDPOINT";

	/** System property naming a running emulator to use, ahead of the environment variable. */
	public static final String ENDPOINT_PROPERTY = "tributary.test.moto-endpoint";

	/** Region clients use with the emulator (any region works there). */
	public static final Region REGION = Region.US_EAST_1;

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Object lock = new Object();

	private static volatile MotoEmulator shared;

	private final MotoServer server;

	private final AtomicInteger names = new AtomicInteger();

	private MotoEmulator(MotoServer server) {
		this.server = server;
	}

	/**
	 * The emulator of this test run, started or attached on first use.
	 * @return the emulator
	 * @throws IllegalStateException if the named endpoint does not answer, or with {@code CI=true}
	 * when no emulator can be had
	 */
	public static MotoEmulator shared() {
		synchronized (lock) {
			if (shared == null) {
				MotoServer server = startOrAttach(System::getenv, () -> System.getProperty(ENDPOINT_PROPERTY),
						MotoServer::findExecutable);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tributary-moto-emulator-shutdown"));
				shared = new MotoEmulator(server);
			}
			return shared;
		}
	}

	/**
	 * The rules of {@link #shared()}, with the environment as arguments.
	 */
	static MotoServer startOrAttach(Function<String, String> environment, Supplier<String> property,
			Supplier<Optional<Path>> executable) {
		String configured = Optional.ofNullable(property.get()).orElse(environment.apply(ENDPOINT_VARIABLE));
		if (configured != null && !configured.isBlank()) {
			MotoServer attached = MotoServer.attach(URI.create(configured.trim()));
			if (!attached.isRunning()) {
				throw new IllegalStateException("No moto_server answers at " + configured + " (from "
						+ ENDPOINT_VARIABLE + " or " + ENDPOINT_PROPERTY + ")");
			}
			return attached;
		}
		Optional<Path> found = executable.get();
		if (found.isEmpty()) {
			String message = "These tests need moto_server, the AWS API emulator: install it with "
					+ "pip install 'moto[server]', or set " + ENDPOINT_VARIABLE + " to a running one";
			if ("true".equalsIgnoreCase(environment.apply("CI"))) {
				throw new IllegalStateException(message + " (CI=true: failing rather than skipping)");
			}
			Assumptions.abort(message);
		}
		return MotoServer.start(found.get(), STARTUP_TIMEOUT);
	}

	/**
	 * The endpoint serving every AWS service.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.server.endpoint();
	}

	/**
	 * A name no other test of this run uses, for tables, streams and queues.
	 * @param prefix a readable prefix
	 * @return the name, such as {@code Items-4242-3}
	 */
	public String uniqueName(String prefix) {
		Assert.hasText(prefix, "'prefix' must not be empty");
		return prefix + "-" + ProcessHandle.current().pid() + "-" + this.names.incrementAndGet();
	}

	/**
	 * Point an AWS SDK client builder at the emulator, with its region and dummy credentials.
	 * @param <B> the builder type
	 * @param builder the builder
	 * @return the builder
	 */
	public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
		Assert.notNull(builder, "'builder' must not be null");
		return builder.endpointOverride(endpoint())
			.region(REGION)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
	}

	@Override
	public String toString() {
		return "MotoEmulator[" + this.server + "]";
	}

}
