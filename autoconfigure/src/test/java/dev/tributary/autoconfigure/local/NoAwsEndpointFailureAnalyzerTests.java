package dev.tributary.autoconfigure.local;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class NoAwsEndpointFailureAnalyzerTests {

	@Test
	void saysHowToGetAnEmulatorOrPointAtAnEndpoint() {
		FailureAnalysis analysis = new NoAwsEndpointFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", new NoAwsEndpointException()));
		assertThat(analysis.getDescription()).contains("moto_server is not on the PATH")
			.contains("Docker is not available");
		assertThat(analysis.getAction()).contains("pip install 'moto[server]'")
			.contains("Docker")
			.contains("spring.cloud.aws.endpoint=")
			.contains("tributary.local.emulator.enabled=false");
	}

}
