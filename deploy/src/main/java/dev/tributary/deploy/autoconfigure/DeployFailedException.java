package dev.tributary.deploy.autoconfigure;

import dev.tributary.deploy.DeployCommand;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A deploy command that failed. Being an {@link ExitCodeGenerator}, it makes the process exit
 * with status 1; {@link DeployFailureAnalyzer} prints its message without a stack trace wall.
 *
 * @author Tributary
 */
class DeployFailedException extends RuntimeException implements ExitCodeGenerator {

	private final DeployCommand command;

	DeployFailedException(DeployCommand command, Throwable cause) {
		super("tributary.deploy.command=" + command.name().toLowerCase(java.util.Locale.ROOT) + " failed: "
				+ cause.getMessage(), cause);
		this.command = command;
	}

	DeployCommand getCommand() {
		return this.command;
	}

	@Override
	public int getExitCode() {
		return 1;
	}

}
