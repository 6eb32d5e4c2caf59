package dev.tributary.local.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
	@EnabledOnOs(OS.LINUX)
	void aStartedServerRunsInAProcessGroupOfItsOwnSoCtrlCStopsOnlyTheApplication() throws Exception {
		Path executable = MotoServer.findExecutable().orElseThrow();
		try (MotoServer started = MotoServer.start(executable, Duration.ofSeconds(60))) {
			assertThat(started.isRunning()).isTrue();
			long pid = Long.parseLong(started.toString().replaceAll(".*pid (\\d+).*", "$1"));
			assertThat(processGroup(pid)).isNotEqualTo(processGroup(ProcessHandle.current().pid()));
		}
	}

	@Test
	void theCommandLineGoesThroughSetsidOnlyWhenItIsInstalled() {
		Path moto = Path.of("/usr/bin/moto_server");
		assertThat(MotoServer.command(moto, 5000, Optional.of(Path.of("/usr/bin/setsid"))))
			.containsExactly("/usr/bin/setsid", "/usr/bin/moto_server", "-H", "127.0.0.1", "-p", "5000");
		assertThat(MotoServer.command(moto, 5000, Optional.empty())).containsExactly("/usr/bin/moto_server", "-H",
				"127.0.0.1", "-p", "5000");
	}

	private static String processGroup(long pid) throws Exception {
		// /proc/<pid>/stat: pid (comm) state ppid pgrp ...; comm may hold spaces, so split after ')'.
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2];
	}

	@Test
	void attachedServerIsLeftRunningOnClose(MotoServer server) {
		MotoServer attached = MotoServer.attach(server.endpoint());
		attached.close();
		assertThat(server.isRunning()).isTrue();
	}

}
