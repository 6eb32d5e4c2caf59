package dev.tributary.test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import dev.tributary.local.emulator.MotoServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one {@code moto_server} per JVM, shared by every test class.
 * <p>
 * Uses the endpoint in the {@code TRIBUTARY_MOTO_ENDPOINT} environment variable (or the
 * {@code tributary.test.moto-endpoint} system property) when set, as {@code .ci/run} does;
 * otherwise starts {@code moto_server} from the {@code PATH} on a free port. When neither is
 * possible the test fails with {@code CI=true} and is skipped otherwise: CI must never pass
 * without having run the integration tests.
 * <p>
 * Tests share the server, so each uses names of its own (see {@link #uniqueName(String)})
 * instead of resetting it.
 *
 * @author Tributary
 */
public class MotoServerExtension implements BeforeAllCallback, ParameterResolver {

	private static final Object lock = new Object();

	private static volatile MotoServer server;

	private static int counter;

	@Override
	public void beforeAll(ExtensionContext context) {
		server();
	}

	/**
	 * The shared server, started on first use.
	 * @return the server
	 */
	public static MotoServer server() {
		synchronized (lock) {
			if (server == null) {
				server = startOrAttach();
				MotoServer started = server;
				Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-server-shutdown"));
			}
			return server;
		}
	}

	/**
	 * Endpoint of the shared server.
	 * @return the endpoint
	 */
	public static URI endpoint() {
		return server().endpoint();
	}

	/**
	 * A name no other test in this JVM uses, for tables, queues and functions.
	 * @param prefix a readable prefix
	 * @return the unique name
	 */
	public static String uniqueName(String prefix) {
		synchronized (lock) {
			return prefix + "-" + ProcessHandle.current().pid() + "-" + (++counter);
		}
	}

	private static MotoServer startOrAttach() {
		String configured = Optional.ofNullable(System.getProperty("tributary.test.moto-endpoint"))
			.orElse(System.getenv("TRIBUTARY_MOTO_ENDPOINT"));
		if (configured != null && !configured.isBlank()) {
			MotoServer attached = MotoServer.attach(URI.create(configured));
			if (!attached.isRunning()) {
				throw new IllegalStateException("No moto_server answers at " + configured
						+ " (from TRIBUTARY_MOTO_ENDPOINT or tributary.test.moto-endpoint)");
			}
			return attached;
		}
		Optional<java.nio.file.Path> executable = MotoServer.findExecutable();
		if (executable.isEmpty()) {
			String message = "Integration tests need moto_server: install it with pip install 'moto[server]', "
					+ "or set TRIBUTARY_MOTO_ENDPOINT to a running one";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + " (CI=true: failing rather than skipping)");
			}
			Assumptions.abort(message);
		}
		return MotoServer.start(executable.get(), Duration.ofSeconds(60));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == MotoServer.class || type == URI.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return (parameterContext.getParameter().getType() == URI.class) ? endpoint() : server();
	}

}
