package dev.tributary.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The walkthrough in Java: an {@code Items} table whose stream feeds a processor that
 * logs each change.
 *
 * @author Tributary
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
