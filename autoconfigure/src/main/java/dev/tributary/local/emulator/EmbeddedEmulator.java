package dev.tributary.local.emulator;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * An AWS API emulator Tributary started for the application's lifetime: its endpoint, what it
 * is (for the log line saying where the application is connected), and how to stop it.
 *
 * @author Tributary
 */
public final class EmbeddedEmulator implements AutoCloseable {

	private final URI endpoint;

	private final String description;

	private final AutoCloseable resource;

	/**
	 * Create a handle.
	 * @param endpoint the endpoint serving every AWS service
	 * @param description what runs there, such as {@code moto_server (pid 42)}
	 * @param resource what to close to stop it
	 */
	public EmbeddedEmulator(URI endpoint, String description, AutoCloseable resource) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.hasText(description, "'description' must not be empty");
		Assert.notNull(resource, "'resource' must not be null");
		this.endpoint = endpoint;
		this.description = description;
		this.resource = resource;
	}

	public URI getEndpoint() {
		return this.endpoint;
	}

	public String getDescription() {
		return this.description;
	}

	@Override
	public void close() throws Exception {
		this.resource.close();
	}

}
