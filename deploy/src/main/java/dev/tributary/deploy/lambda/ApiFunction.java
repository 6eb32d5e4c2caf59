package dev.tributary.deploy.lambda;

/**
 * Names of the API function's resources (docs/http-api.md). Its id names the function, role and
 * log group as a processor's name does ({@code <app>-<stage>-api}); its resources are tagged
 * {@code api/<kind>}, never {@code <kind>/<processor>}, so that the clean-up of processors removed
 * from the code never takes them for a processor's.
 *
 * @author Tributary
 */
public final class ApiFunction {

	/** The id in the API function's resource names. */
	public static final String ID = "api";

	/** Value of the {@code tributary:resource} tag of the API function. */
	public static final String FUNCTION_RESOURCE = "api/function";

	/** Value of the {@code tributary:resource} tag of the API function's role. */
	public static final String ROLE_RESOURCE = "api/role";

	/** Value of the {@code tributary:resource} tag of the API function's log group. */
	public static final String LOG_GROUP_RESOURCE = "api/log-group";

	private ApiFunction() {
	}

}
