package dev.tributary.assembly;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LambdaAotProcessor}'s own logic; the processing itself runs on the sample
 * app's zip in its build, and the sample's artifact tests invoke the processed functions.
 */
class LambdaAotProcessorTests {

	private static final String ANNOTATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;";

	private static final String MAIN = "main ([Ljava/lang/String;)V";

	@TempDir
	Path temp;

	@Test
	void findsTheOneSpringBootApplicationWithAMainMethodAmongTheZipsOwnClasses() throws IOException {
		classFile("com/example/App.class", ANNOTATION + MAIN);
		classFile("com/example/Helper.class", MAIN);
		classFile("com/example/Configuration.class", ANNOTATION);
		classFile("lib/other/App.class", ANNOTATION + MAIN);
		assertThat(LambdaAotProcessor.findMainClass(this.temp)).isEqualTo("com.example.App");
	}

	@Test
	void asksForTheStartClassWhenNoApplicationClassIsFound() throws IOException {
		classFile("com/example/Helper.class", MAIN);
		assertThatIllegalStateException().isThrownBy(() -> LambdaAotProcessor.findMainClass(this.temp))
			.withMessageContaining("no @SpringBootApplication class with a main method")
			.withMessageContaining("set the start-class property");
	}

	@Test
	void asksForTheStartClassWhenTwoApplicationClassesAreFound() throws IOException {
		classFile("com/example/One.class", ANNOTATION + MAIN);
		classFile("com/example/Two.class", ANNOTATION + MAIN);
		assertThatIllegalStateException().isThrownBy(() -> LambdaAotProcessor.findMainClass(this.temp))
			.withMessageContaining("more than one")
			.withMessageContaining("com.example.One")
			.withMessageContaining("com.example.Two");
	}

	@Test
	void refusesAZipThatIsAlreadyProcessed() throws IOException {
		Path zip = this.temp.resolve("app-lambda.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry(LambdaAotProcessor.SPRING_PROPERTIES));
			out.write("spring.aot.enabled=true\n".getBytes(StandardCharsets.ISO_8859_1));
			out.closeEntry();
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> LambdaAotProcessor.process(zip, "com.example.App", List.of(), List.of(),
					this.temp.resolve("work")))
			.withMessageContaining("already holds spring.properties");
	}

	private void classFile(String name, String content) throws IOException {
		Path file = this.temp.resolve(name);
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE });
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}

}
