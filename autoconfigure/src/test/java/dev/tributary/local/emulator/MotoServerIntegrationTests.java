package dev.tributary.local.emulator;

import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoServerExtension.class)
class MotoServerIntegrationTests {

	@Test
	void servesDynamoDbThroughTheRealSdk(MotoServer server) {
		assertThat(server.isRunning()).isTrue();
		try (DynamoDbClient dynamoDb = AwsTestClients.dynamoDb()) {
			assertThat(dynamoDb.listTables().tableNames()).isNotNull();
		}
	}

	@Test
	void attachedServerIsLeftRunningOnClose(MotoServer server) {
		MotoServer attached = MotoServer.attach(server.endpoint());
		attached.close();
		assertThat(server.isRunning()).isTrue();
	}

}
