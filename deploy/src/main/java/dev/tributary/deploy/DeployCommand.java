package dev.tributary.deploy;

/**
 * What a deploy-mode run of the application does.
 *
 * @author Tributary
 */
public enum DeployCommand {

	/** Print the plan, then apply only the differences. */
	DEPLOY,

	/** Print the plan and change nothing. */
	PLAN,

	/** Remove what deploy created, keeping tables unless told otherwise. */
	DESTROY,

	/** Print a function's recent log events, optionally following new ones. */
	LOGS

}
