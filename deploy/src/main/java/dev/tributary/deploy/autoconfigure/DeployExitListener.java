package dev.tributary.deploy.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends the process once the command has run: a deploy tool must not linger because some
 * library left a non-daemon thread behind. Failures never get here; they exit through
 * {@link DeployFailedException}'s exit code.
 *
 * @author Tributary
 */
class DeployExitListener implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		System.exit(SpringApplication.exit(event.getApplicationContext()));
	}

}
