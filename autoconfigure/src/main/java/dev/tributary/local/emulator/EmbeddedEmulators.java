package dev.tributary.local.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;

/**
 * Starts the first emulator available: {@code moto_server} from the {@code PATH}, else a
 * {@code motoserver/moto} container through Testcontainers when it is on the classpath and Docker
 * answers.
 *
 * @author Tributary
 */
public final class EmbeddedEmulators {

	private static final Log logger = LogFactory.getLog(EmbeddedEmulators.class);

	private static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

	private EmbeddedEmulators() {
	}

	/**
	 * Start an emulator.
	 * @param startupTimeout how long to wait for it to answer
	 * @param image the container image to use when Docker is the way
	 * @return the running emulator, or empty when neither way is available
	 */
	public static Optional<EmbeddedEmulator> start(Duration startupTimeout, String image) {
		Optional<Path> executable = MotoServer.findExecutable();
		if (executable.isPresent()) {
			MotoServer server = MotoServer.start(executable.get(), startupTimeout);
			return Optional.of(new EmbeddedEmulator(server.endpoint(), server.toString(), server));
		}
		if (isDockerAvailable()) {
			return Optional.of(MotoContainer.start(image, startupTimeout));
		}
		return Optional.empty();
	}

	static boolean isDockerAvailable() {
		if (!ClassUtils.isPresent(DOCKER_CLIENT_FACTORY, EmbeddedEmulators.class.getClassLoader())) {
			return false;
		}
		try {
			return MotoContainer.isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Docker is not usable through Testcontainers", ex);
			return false;
		}
	}

}
