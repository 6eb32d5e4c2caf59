package ${package};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Tributary application: the {@code Items} table, a processor that logs each change on its
 * stream, and {@code PUT /items/{id}} to make changes. {@code mvn spring-boot:run} runs it locally
 * on an embedded AWS emulator; {@code mvn package} builds its Lambda zip and
 * {@code mvn spring-boot:run -Pdeploy} deploys it.
 */
@SpringBootApplication
public class Application {

	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
