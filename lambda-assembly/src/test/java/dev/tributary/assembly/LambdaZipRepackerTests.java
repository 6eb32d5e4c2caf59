package dev.tributary.assembly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaZipRepacker}.
 */
class LambdaZipRepackerTests {

	private static final long FIXED = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

	@TempDir
	Path temp;

	@Test
	void storesTheEntriesOfEachLibJarAndKeepsTheirNamesOrderTimesAndContents() throws IOException {
		Map<String, byte[]> classes = classLikeEntries(200);
		Path zip = lambdaZip(jar(classes));
		LambdaZipRepacker.repack(zip);
		try (ZipFile repacked = new ZipFile(zip.toFile())) {
			assertThat(repacked.stream().map(ZipEntry::getName)).containsExactly("App.class", "lib/", "lib/a.jar",
					"lib/nested/b.jar");
			repacked.stream().forEach((entry) -> assertThat(entry.getTime()).as(entry.getName()).isEqualTo(FIXED));
			List<String> names = new ArrayList<>();
			try (ZipInputStream jar = new ZipInputStream(repacked.getInputStream(repacked.getEntry("lib/a.jar")))) {
				ZipEntry entry;
				while ((entry = jar.getNextEntry()) != null) {
					names.add(entry.getName());
					assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
					assertThat(entry.getTime()).as(entry.getName()).isEqualTo(FIXED);
					assertThat(jar.readAllBytes()).as(entry.getName()).isEqualTo(classes.get(entry.getName()));
				}
			}
			assertThat(names).containsExactlyElementsOf(classes.keySet());
			assertThat(repacked.getInputStream(repacked.getEntry("App.class")).readAllBytes())
				.isEqualTo("app".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void leavesOutWhatNothingReadsAtRuntimeFromEachLibJar() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>(classLikeEntries(3));
		entries.put("META-INF/maven/com.example/lib/pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8));
		entries.put("META-INF/maven/com.example/lib/pom.properties", "version=1".getBytes(StandardCharsets.UTF_8));
		entries.put("META-INF/native-image/com.example/lib/reflect-config.json", "[]".getBytes(StandardCharsets.UTF_8));
		entries.put("module-info.class", new byte[] { 1 });
		entries.put("META-INF/versions/9/module-info.class", new byte[] { 1 });
		entries.put("META-INF/spring-configuration-metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
		Path zip = lambdaZip(jar(entries));
		LambdaZipRepacker.repack(zip);
		try (ZipFile repacked = new ZipFile(zip.toFile());
				ZipInputStream jar = new ZipInputStream(repacked.getInputStream(repacked.getEntry("lib/a.jar")))) {
			List<String> names = new ArrayList<>();
			ZipEntry entry;
			while ((entry = jar.getNextEntry()) != null) {
				names.add(entry.getName());
			}
			assertThat(names).containsExactlyElementsOf(classLikeEntries(3).keySet());
		}
	}

	@Test
	void keepsConfigurationMetadataForThePropertiesMigrator() {
		assertThat(LambdaZipRepacker.isUnusedAtRuntime("META-INF/spring-configuration-metadata.json", true)).isFalse();
		assertThat(LambdaZipRepacker.isUnusedAtRuntime("META-INF/spring-configuration-metadata.json", false)).isTrue();
		assertThat(LambdaZipRepacker.isUnusedAtRuntime("META-INF/spring.factories", false)).isFalse();
	}

	@Test
	void leavesJarsOutsideLibAsTheyWere() throws IOException {
		byte[] nested = jar(classLikeEntries(3));
		Path zip = lambdaZip(nested);
		LambdaZipRepacker.repack(zip);
		try (ZipFile repacked = new ZipFile(zip.toFile())) {
			assertThat(repacked.getInputStream(repacked.getEntry("lib/nested/b.jar")).readAllBytes()).isEqualTo(nested);
		}
	}

	@Test
	void makesAZipOfManySmallClassesSmaller() throws IOException {
		Path zip = lambdaZip(jar(classLikeEntries(200)));
		long before = Files.size(zip);
		LambdaZipRepacker.repack(zip);
		assertThat(Files.size(zip)).isLessThan(before * 3 / 4);
	}

	@Test
	void givesTheSameBytesForTheSameInput() throws IOException {
		byte[] jar = jar(classLikeEntries(20));
		Path first = lambdaZip(jar);
		LambdaZipRepacker.repack(first);
		byte[] firstBytes = Files.readAllBytes(first);
		Path second = lambdaZip(jar);
		LambdaZipRepacker.repack(second);
		assertThat(Files.readAllBytes(second)).isEqualTo(firstBytes);
	}

	// Entries like class files: each small and unlike its neighbours only in a few names.
	private static Map<String, byte[]> classLikeEntries(int count) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < count; i++) {
			StringBuilder content = new StringBuilder();
			content.append("com/example/generated/Type").append(i).append(' ');
			content.append("Ljava/lang/String; Ljava/util/Map; Ljava/util/function/Function; ");
			content.append("software/amazon/awssdk/services/dynamodb/model/AttributeValue$Builder ");
			content.append("org/springframework/context/annotation/Configuration ").append(i * 31);
			entries.put("com/example/generated/Type" + i + ".class", content.toString().getBytes(StandardCharsets.UTF_8));
		}
		return entries;
	}

	private static byte[] jar(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				zipEntry.setTime(FIXED);
				jar.putNextEntry(zipEntry);
				jar.write(entry.getValue());
				jar.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private Path lambdaZip(byte[] jar) throws IOException {
		Path zip = Files.createTempFile(this.temp, "function", "-lambda.zip");
		try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
			add(out, "App.class", "app".getBytes(StandardCharsets.UTF_8));
			add(out, "lib/", null);
			add(out, "lib/a.jar", jar);
			add(out, "lib/nested/b.jar", jar);
		}
		return zip;
	}

	private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(FIXED);
		out.putNextEntry(entry);
		if (content != null) {
			new ByteArrayInputStream(content).transferTo(out);
		}
		out.closeEntry();
	}

}
