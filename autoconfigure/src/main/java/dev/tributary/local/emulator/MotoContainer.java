package dev.tributary.local.emulator;

import java.net.URI;
import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code motoserver/moto} container. Only loaded when Testcontainers is on the classpath.
 *
 * @author Tributary
 */
final class MotoContainer {

	private static final int PORT = 5000;

	private MotoContainer() {
	}

	static boolean isDockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@SuppressWarnings("resource")
	static EmbeddedEmulator start(String image, Duration startupTimeout) {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(PORT)
			.waitingFor(Wait.forHttp("/moto-api/").forPort(PORT).withStartupTimeout(startupTimeout));
		container.start();
		URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
		return new EmbeddedEmulator(endpoint, "container " + image + " (" + container.getContainerId() + ")",
				container::stop);
	}

}
