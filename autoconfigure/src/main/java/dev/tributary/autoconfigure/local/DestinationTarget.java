package dev.tributary.autoconfigure.local;

import dev.tributary.aws.AwsConnection;
import dev.tributary.local.emulator.EmbeddedEmulator;
import org.jspecify.annotations.Nullable;

/**
 * Where on-failure destinations live: whether Tributary may create them (only in the embedded
 * emulator it started, never at a configured endpoint or in AWS) and how to name the place in
 * messages.
 *
 * @param createMissing whether missing destinations are created
 * @param where what the application is connected to
 * @author Tributary
 */
record DestinationTarget(boolean createMissing, String where) {

	static DestinationTarget of(@Nullable AwsConnection connection, @Nullable EmbeddedEmulator emulator) {
		if (connection == null) {
			return new DestinationTarget(false, "the configured AWS clients' endpoint");
		}
		boolean embedded = emulator != null && connection.findEndpoint().map(emulator.getEndpoint()::equals).orElse(false);
		return new DestinationTarget(embedded, connection.description() + ", region " + connection.region());
	}

}
