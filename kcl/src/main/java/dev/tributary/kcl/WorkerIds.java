package dev.tributary.kcl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Worker ids unique per process: KCL tells its workers apart by id alone, and two processes on
 * one host (or a restart that overlaps the old process) with the same id would take each other's
 * leases for their own.
 *
 * @author Tributary
 */
final class WorkerIds {

	private WorkerIds() {
	}

	/**
	 * A new worker id: the host name, the process id and a random suffix.
	 * @return the id
	 */
	static String next() {
		return host() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
