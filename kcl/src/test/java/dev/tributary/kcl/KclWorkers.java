package dev.tributary.kcl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings every test worker runs with: moto's endpoint, the KCL runtime, short failover
 * and polling times so that tests take seconds, not minutes.
 */
final class KclWorkers {

	private KclWorkers() {
	}

	static List<String> properties(URI endpoint, String app, String source, String... more) {
		List<String> properties = new ArrayList<>(List.of("test.source=" + source, "tributary.runtime=kcl",
				"spring.cloud.aws.endpoint=" + endpoint, "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.main.web-application-type=none", "spring.main.banner-mode=off",
				"tributary.local.checkpoints.store=memory", "tributary.kcl.app-name=" + app,
				"tributary.kcl.failover-time=3s",
				"tributary.kcl.shutdown-timeout=10s"));
		properties.addAll(List.of(more));
		return properties;
	}

}
