package dev.tributary.deploy.autoconfigure;

import java.util.function.IntConsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Ends the process once the command has run: a deploy tool must not linger because some
 * library left a non-daemon thread behind. Failures never get here; they exit through
 * {@link DeployFailedException}'s exit code.
 *
 * @author Tributary
 */
class DeployExitListener implements ApplicationListener<ApplicationReadyEvent> {

	private final IntConsumer exit;

	DeployExitListener() {
		this(System::exit);
	}

	/**
	 * Create a listener that ends the process with the given function (tests pass a recorder).
	 * @param exit called with the exit code once the context is closed
	 */
	DeployExitListener(IntConsumer exit) {
		Assert.notNull(exit, "'exit' must not be null");
		this.exit = exit;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.exit.accept(SpringApplication.exit(event.getApplicationContext()));
	}

}
