package dev.tributary.aws;

import java.util.List;

import org.springframework.util.Assert;

/**
 * Names of a processor's Kinesis Client Library application and of the DynamoDB tables KCL keeps
 * for it, shared by the KCL runtime (which uses them) and deploy (which creates the tables and
 * grants access to them). One application per processor, application and stage, so that two
 * stages or two applications never share a lease.
 *
 * @author Tributary
 */
public final class KclApplicationNames {

	/** Longest DynamoDB table name, less room for KCL's longest suffix. */
	private static final int MAX = 255 - "-WorkerMetricStats".length();

	private KclApplicationNames() {
	}

	/**
	 * The KCL application name of a processor, which is also its lease table's name.
	 * @param app the application's name
	 * @param stage the stage
	 * @param processor the processor's name
	 * @return {@code <app>-<stage>-<processor>}, with characters DynamoDB does not accept in
	 * table names replaced by {@code -}
	 */
	public static String applicationName(String app, String stage, String processor) {
		Assert.hasText(app, "'app' must not be empty");
		Assert.hasText(stage, "'stage' must not be empty");
		Assert.hasText(processor, "'processor' must not be empty");
		String name = (app + "-" + stage + "-" + processor).replaceAll("[^a-zA-Z0-9_.-]", "-");
		return (name.length() > MAX) ? name.substring(0, MAX) : name;
	}

	/**
	 * The tables KCL 3 keeps for an application: leases, coordinator state, worker metrics.
	 * @param applicationName the application name
	 * @return the three table names, the lease table first
	 */
	public static List<String> tables(String applicationName) {
		Assert.hasText(applicationName, "'applicationName' must not be empty");
		return List.of(applicationName, applicationName + "-CoordinatorState", applicationName + "-WorkerMetricStats");
	}

}
