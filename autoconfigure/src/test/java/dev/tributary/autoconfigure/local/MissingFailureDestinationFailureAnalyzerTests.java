package dev.tributary.autoconfigure.local;

import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.provision.MissingFailureDestinationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class MissingFailureDestinationFailureAnalyzerTests {

	private final MissingFailureDestinationFailureAnalyzer analyzer = new MissingFailureDestinationFailureAnalyzer();

	@Test
	void namesTheProcessorPropertyAndValueAndSaysHowToCreateAQueue() {
		FailureAnalysis analysis = analyze("orders-dlq");
		assertThat(analysis.getDescription()).contains("Processor 'orders'")
			.contains("SQS queue 'orders-dlq'")
			.contains("tributary.processors.orders.on-failure")
			.contains("does not exist at endpoint http://localhost:5000");
		assertThat(analysis.getAction()).contains("aws sqs create-queue --queue-name orders-dlq")
			.contains("mvn spring-boot:run -Pdeploy")
			.contains("set tributary.processors.orders.on-failure")
			.contains("embedded emulator");
	}

	@Test
	void saysHowToCreateATopic() {
		FailureAnalysis analysis = analyze("arn:aws:sns:eu-west-1:111122223333:failed");
		assertThat(analysis.getDescription()).contains("SNS topic 'arn:aws:sns:eu-west-1:111122223333:failed'");
		assertThat(analysis.getAction()).contains("aws sns create-topic --name failed").doesNotContain("sqs");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		// Other analyzers need constructor arguments; only whether ours is listed matters here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			})))
			.hasAtLeastOneElementOfType(MissingFailureDestinationFailureAnalyzer.class);
	}

	private FailureAnalysis analyze(String destination) {
		return this.analyzer.analyze(new IllegalStateException("wrapped", new MissingFailureDestinationException(
				"orders", FailureDestinationAddress.parse(destination), "endpoint http://localhost:5000")));
	}

}
