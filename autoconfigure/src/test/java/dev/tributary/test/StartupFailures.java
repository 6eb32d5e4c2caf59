package dev.tributary.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The failure analysis Spring Boot prints for a startup failure: the first one any analyzer
 * registered in {@code spring.factories} (Boot's and Tributary's) gives, in their order.
 *
 * @author Tributary
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Analyze a startup failure as Spring Boot does.
	 * @param failure the failure
	 * @return the analysis shown to the user, as description and action, or {@code null}
	 */
	public static @Nullable String analysisOf(Throwable failure) {
		// Analyzers that need the bean factory are left out: none of the ones asked about do.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> {
			}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis.getDescription() + "\n" + analysis.getAction();
			}
		}
		return null;
	}

}
