package dev.tributary.test.emulator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.tributary.local.emulator.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rules {@link MotoEmulator#shared()} finds an emulator by, and the shared one itself.
 */
@ExtendWith(MotoEmulatorExtension.class)
class MotoEmulatorTests {

	private static final Optional<Path> NOT_INSTALLED = Optional.empty();

	@Test
	void withoutAnEmulatorOnCiTheTestFailsRatherThanBeingSkipped() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MotoEmulator.startOrAttach(Map.of("CI", "true")::get, () -> null, () -> NOT_INSTALLED))
			.withMessageContaining("pip install 'moto[server]'")
			.withMessageContaining("CI=true: failing rather than skipping");
	}

	@Test
	void withoutAnEmulatorElsewhereTheTestIsSkipped() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(
					() -> MotoEmulator.startOrAttach(Map.<String, String>of()::get, () -> null, () -> NOT_INSTALLED))
			.withMessageContaining(MotoEmulator.ENDPOINT_VARIABLE);
	}

	@Test
	void aNamedEndpointMustAnswer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MotoEmulator.startOrAttach(
					Map.of(MotoEmulator.ENDPOINT_VARIABLE, "http://127.0.0.1:1", "CI", "true")::get, () -> null,
					() -> NOT_INSTALLED))
			.withMessageContaining("No moto_server answers at http://127.0.0.1:1");
	}

	@Test
	void aNamedEndpointIsUsedAsItIsAndTheSystemPropertyWins(MotoEmulator emulator) {
		String running = emulator.endpoint().toString();
		MotoServer attached = MotoEmulator.startOrAttach(
				Map.of(MotoEmulator.ENDPOINT_VARIABLE, "http://127.0.0.1:1")::get, () -> running, () -> NOT_INSTALLED);
		assertThat(attached.endpoint()).hasToString(running);
		assertThat(attached).hasToString("MotoServer[" + running + ", attached]");
	}

	@Test
	void theSharedEmulatorServesTheAwsSdk(MotoEmulator emulator) {
		assertThat(emulator).isSameAs(MotoEmulator.shared());
		String table = emulator.uniqueName("Shared");
		try (DynamoDbClient dynamoDb = emulator.configure(DynamoDbClient.builder())
			.httpClient(UrlConnectionHttpClient.create())
			.build()) {
			dynamoDb.createTable((create) -> create.tableName(table)
				.billingMode("PAY_PER_REQUEST")
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S")));
			assertThat(dynamoDb.listTables().tableNames()).contains(table);
		}
	}

	@Test
	void uniqueNamesDoNotRepeat(MotoEmulator emulator) {
		assertThat(emulator.uniqueName("Items")).isNotEqualTo(emulator.uniqueName("Items")).startsWith("Items-");
	}

}
