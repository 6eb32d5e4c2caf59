package dev.tributary.deploy.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the zips {@code mvn package} built in {@code target}: the processors' and the API
 * function's beside it.
 *
 * @author Tributary
 */
class LambdaZipsTests {

	@TempDir
	Path project;

	@Test
	void findsTheProcessorsZipBesideItsApiZipAndTheApiZipByItsName() throws Exception {
		Path processors = zip("shop-1.0-lambda.zip");
		Path api = zip("shop-1.0-api-lambda.zip");

		assertThat(LambdaZips.find(this.project)).isEqualTo(processors);
		assertThat(LambdaZips.apiNextTo(processors)).isEqualTo(api);
	}

	@Test
	void withoutAnApiZipTheApiFunctionHasNoneOfItsOwn() throws Exception {
		Path processors = zip("shop-1.0-lambda.zip");

		assertThat(LambdaZips.find(this.project)).isEqualTo(processors);
		assertThat(LambdaZips.apiNextTo(processors)).isNull();
		assertThat(LambdaZips.apiNextTo(null)).isNull();
	}

	@Test
	void anApplicationWhoseNameEndsInApiIsNotTakenForAnApiZip() throws Exception {
		Path processors = zip("orders-api-lambda.zip");

		assertThat(LambdaZips.find(this.project)).isEqualTo(processors);
		assertThat(LambdaZips.apiNextTo(processors)).isNull();
	}

	@Test
	void twoApplicationsZipsInOneTargetAreAmbiguous() throws Exception {
		zip("shop-1.0-lambda.zip");
		zip("shop-2.0-lambda.zip");

		assertThat(LambdaZips.find(this.project)).isNull();
	}

	@Test
	void aZipNamedOtherwiseHasNoApiZipBesideIt() throws Exception {
		zip("shop-1.0-api-lambda.zip");

		assertThat(LambdaZips.apiNextTo(zip("shop.zip"))).isNull();
	}

	@Test
	void aProjectNotPackagedYetHasNoZip() {
		assertThat(LambdaZips.find(this.project)).isNull();
	}

	private Path zip(String name) throws Exception {
		Path target = Files.createDirectories(this.project.resolve("target"));
		return Files.writeString(target.resolve(name), name);
	}

}
