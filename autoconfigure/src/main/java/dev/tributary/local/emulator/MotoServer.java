package dev.tributary.local.emulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@code moto_server} process (the AWS API emulator from the {@code moto} Python package)
 * serving every AWS service on one loopback endpoint. Started on a free port; stopped, with its
 * whole state, on {@link #close()}.
 *
 * @author Tributary
 */
public final class MotoServer implements AutoCloseable {

	/** Name of the executable looked up on the {@code PATH}. */
	public static final String EXECUTABLE = "moto_server";

	private static final Log logger = LogFactory.getLog(MotoServer.class);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final @Nullable Process process;

	private final URI endpoint;

	private MotoServer(@Nullable Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	/**
	 * Find {@code moto_server} on the {@code PATH}.
	 * @return the executable, if installed
	 */
	public static Optional<Path> findExecutable() {
		return findOnPath(EXECUTABLE);
	}

	private static Optional<Path> findOnPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * The command line that starts {@code moto_server}: through {@code setsid} when it is
	 * available, so the server runs in a session of its own. Ctrl-C in a terminal signals the
	 * whole foreground process group; without its own session the emulator would die at the
	 * same moment as the application starts its graceful stop, which then fails to reach it
	 * (a WARN for each lease it cannot release, and seconds of SDK retries). The application
	 * stops the server itself on {@link #close()}.
	 * @param executable the {@code moto_server} executable
	 * @param port the port to listen on
	 * @param setsid the {@code setsid} executable, if installed
	 * @return the command line
	 */
	static List<String> command(Path executable, int port, Optional<Path> setsid) {
		List<String> command = new ArrayList<>();
		setsid.ifPresent((path) -> command.add(path.toString()));
		command.addAll(List.of(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)));
		return command;
	}

	/**
	 * Start {@code moto_server} on a free loopback port and wait until it answers.
	 * @param executable the {@code moto_server} executable
	 * @param timeout how long to wait for it to answer
	 * @return the running server
	 * @throws IllegalStateException if it does not start in time
	 */
	public static MotoServer start(Path executable, Duration timeout) {
		Assert.notNull(executable, "'executable' must not be null");
		int port = freePort();
		URI endpoint = URI.create("http://127.0.0.1:" + port);
		try {
			Process process = new ProcessBuilder(command(executable, port, findOnPath("setsid")))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			MotoServer server = new MotoServer(process, endpoint);
			server.awaitReady(timeout);
			logger.debug("Started " + EXECUTABLE + " at " + endpoint);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + executable, ex);
		}
	}

	/**
	 * Use a {@code moto_server} that is already running; {@link #close()} leaves it running.
	 * @param endpoint its endpoint
	 * @return a handle to it
	 */
	public static MotoServer attach(URI endpoint) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		return new MotoServer(null, endpoint);
	}

	/**
	 * Endpoint serving every AWS service.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Whether the server answers now.
	 * @return whether it is up
	 */
	public boolean isRunning() {
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(this.endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() < 500;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Clear every service's state ({@code POST /moto-api/reset}).
	 */
	public void reset() {
		post("/moto-api/reset", "");
	}

	/**
	 * Send moto's own configuration ({@code POST /moto-api/config}), for example
	 * {@code {"lambda":{"use_docker":false}}}.
	 * @param json the configuration document
	 */
	public void configure(String json) {
		post("/moto-api/config", json);
	}

	private void post(String path, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(this.endpoint.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						"moto_server answered " + response.statusCode() + " to " + path + ": " + response.body());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("moto_server at " + this.endpoint + " did not answer " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling moto_server", ex);
		}
	}

	private void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IllegalStateException(EXECUTABLE + " exited with code " + this.process.exitValue()
						+ " before answering on " + this.endpoint);
			}
			if (isRunning()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		throw new IllegalStateException(EXECUTABLE + " did not answer on " + this.endpoint + " within " + timeout);
	}

	@Override
	public void close() {
		Process process = this.process;
		if (process == null || !process.isAlive()) {
			return;
		}
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	@Override
	public String toString() {
		return "MotoServer[" + this.endpoint + ((this.process != null) ? ", pid " + this.process.pid() : ", attached")
				+ "]";
	}

}
