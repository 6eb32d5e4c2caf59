package dev.tributary.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Adds Spring's ahead-of-time processing to a Lambda zip: runs
 * {@code SpringApplicationAotProcessor} on exactly the zip's class path (its root, then
 * {@code lib/*.jar} in name order, as Lambda's runtime loads them) with the settings of a
 * function inside Lambda, compiles what it generates, and adds the classes, their resources
 * and a {@code spring.properties} turning {@code spring.aot.enabled} on to the zip. Inside
 * Lambda the context then starts from the generated bean definitions instead of evaluating
 * configuration classes and conditions (docs/lambda.md#ahead-of-time-processing).
 * <p>
 * Usage: {@code LambdaAotProcessor ZIP MAIN_CLASS [--processing-class-path=JAR...] [NAME=VALUE...]},
 * each {@code JAR} on the processing run's class path only, each {@code NAME=VALUE} a system
 * property of the processing run besides {@code tributary.lambda.enabled=true} and
 * {@code spring.main.web-application-type=none}; an empty {@code MAIN_CLASS} (an application
 * that sets no {@code start-class}) means the one {@code @SpringBootApplication} class with a
 * {@code main} method at the zip's root. Conditions are evaluated once, at build time,
 * with these: a property that should change which beans exist must be set here, not in the
 * function's environment.
 *
 * @author Tributary
 */
public final class LambdaAotProcessor {

	/** The entry that turns the generated initializer on. */
	static final String SPRING_PROPERTIES = "spring.properties";

	private static final String PROCESSOR = "org.springframework.boot.SpringApplicationAotProcessor";

	private static final String PROCESSING_CLASS_PATH = "--processing-class-path=";

	private static final List<String> LAMBDA_PROPERTIES = List.of("tributary.lambda.enabled=true",
			"spring.main.web-application-type=none");

	private LambdaAotProcessor() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 2) {
			throw new IllegalArgumentException("Usage: LambdaAotProcessor ZIP MAIN_CLASS [NAME=VALUE...]");
		}
		Path zip = Path.of(args[0]);
		List<String> properties = new ArrayList<>(LAMBDA_PROPERTIES);
		List<Path> processingOnly = new ArrayList<>();
		for (String argument : List.of(args).subList(2, args.length)) {
			if (argument.startsWith(PROCESSING_CLASS_PATH)) {
				processingOnly.add(Path.of(argument.substring(PROCESSING_CLASS_PATH.length())));
			}
			else {
				properties.add(argument);
			}
		}
		long before = Files.size(zip);
		int classes = process(zip, args[1], properties, processingOnly, zip.resolveSibling("lambda-aot"));
		System.out.println("Processed " + zip.getFileName() + " ahead of time: " + classes + " classes added, "
				+ before + " -> " + Files.size(zip) + " bytes");
	}

	/**
	 * Process a zip ahead of time, in place.
	 * @param zip the Lambda zip
	 * @param mainClass the application's main class
	 * @param properties system properties of the processing run, {@code NAME=VALUE}
	 * @param processingOnly jars put after the zip's on the processing run's class path only
	 * (what a library's ahead-of-time code needs and the function does not; they are not added
	 * to the zip)
	 * @param workDirectory an empty or missing directory to work in
	 * @return the number of classes added
	 * @throws IOException if the zip cannot be read or written
	 * @throws InterruptedException if interrupted while the processing runs
	 */
	public static int process(Path zip, String mainClass, List<String> properties, List<Path> processingOnly,
			Path workDirectory) throws IOException, InterruptedException {
		deleteRecursively(workDirectory);
		Path task = workDirectory.resolve("task");
		Path sources = workDirectory.resolve("sources");
		Path resources = workDirectory.resolve("resources");
		Path classes = workDirectory.resolve("classes");
		LambdaZips.unzip(zip, task);
		if (Files.exists(task.resolve(SPRING_PROPERTIES))) {
			throw new IllegalStateException(zip + " already holds " + SPRING_PROPERTIES
					+ ": it was processed ahead of time before, or the application has its own");
		}
		List<Path> classPath = LambdaZips.classPath(task);
		String application = mainClass.isBlank() ? findMainClass(task) : mainClass;
		List<Path> processingClassPath = new ArrayList<>(classPath);
		processingClassPath.addAll(processingOnly);
		generate(processingClassPath, application, properties, sources, resources, classes,
				workDirectory.resolve("aot.log"));
		compile(sources, classes, classPath);
		// What is generated besides classes is GraalVM native-image metadata, unused on a JVM.
		Path enabled = workDirectory.resolve("enabled");
		Files.createDirectories(enabled);
		Files.writeString(enabled.resolve(SPRING_PROPERTIES),
				"# Written by Tributary's LambdaAotProcessor: start from the generated bean definitions.\n"
						+ "spring.aot.enabled=true\n",
				StandardCharsets.ISO_8859_1);
		int added = count(classes);
		addTo(zip, List.of(classes, enabled));
		return added;
	}

	private static void generate(List<Path> classPath, String mainClass, List<String> properties, Path sources,
			Path resources, Path classes, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		properties.forEach((property) -> command.add("-D" + property));
		command.add("-cp");
		command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
		command.add(PROCESSOR);
		command.addAll(List.of(mainClass, sources.toString(), resources.toString(), classes.toString(),
				"dev.tributary", "lambda"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// A region for SDK clients built while the context is processed; no AWS call is made.
		builder.environment().putIfAbsent("AWS_REGION", "us-east-1");
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Ahead-of-time processing of " + mainClass + " did not finish in 10 "
					+ "minutes; see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Ahead-of-time processing of " + mainClass + " failed (exit code "
					+ process.exitValue() + "); its output is in " + log + ":\n" + tail(log));
		}
	}

	/**
	 * The application class among the zip's own classes (not {@code lib/}): the one annotated
	 * {@code @SpringBootApplication} whose constant pool names a {@code main(String[])} method.
	 */
	static String findMainClass(Path task) throws IOException {
		byte[] annotation = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
			.getBytes(StandardCharsets.UTF_8);
		byte[] mainDescriptor = "([Ljava/lang/String;)V".getBytes(StandardCharsets.UTF_8);
		List<String> candidates = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(task)) {
			for (Path file : walk.filter((path) -> path.toString().endsWith(".class"))
				.filter((path) -> !task.relativize(path).startsWith("lib"))
				.toList()) {
				byte[] bytes = Files.readAllBytes(file);
				if (contains(bytes, annotation) && contains(bytes, mainDescriptor)) {
					String name = task.relativize(file).toString().replace(java.io.File.separatorChar, '.');
					candidates.add(name.substring(0, name.length() - ".class".length()));
				}
			}
		}
		if (candidates.size() != 1) {
			throw new IllegalStateException("Ahead-of-time processing needs the application's main class, and "
					+ (candidates.isEmpty() ? "no @SpringBootApplication class with a main method"
							: "more than one (" + candidates + ")")
					+ " is in the zip: set the start-class property of the pom to it");
		}
		return candidates.get(0);
	}

	private static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static void compile(Path sources, Path classes, List<Path> classPath) throws IOException {
		List<String> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((path) -> path.toString().endsWith(".java")).map(Path::toString).toList();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("Ahead-of-time processing needs a JDK's compiler; "
					+ System.getProperty("java.home") + " is a runtime without one");
		}
		List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-g:none", "-d",
				classes.toString(), "-cp", Stream.concat(Stream.of(classes), classPath.stream())
					.map(Path::toString)
					.collect(Collectors.joining(java.io.File.pathSeparator))));
		arguments.addAll(files);
		int result = compiler.run(null, null, System.err, arguments.toArray(new String[0]));
		if (result != 0) {
			throw new IllegalStateException("The sources generated ahead of time in " + sources + " do not compile");
		}
	}

	/** Rewrite the zip with the directories' files added at its root, after its own entries. */
	private static void addTo(Path zip, List<Path> roots) throws IOException {
		Path rewritten = zip.resolveSibling(zip.getFileName() + ".aot");
		try (ZipFile in = new ZipFile(zip.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			// The added entries get the time the zip's own carry (a reproducible build's fixed one).
			ZipEntry first = in.stream().findFirst().orElse(null);
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				out.putNextEntry(LambdaZips.copyOf(entry));
				try (InputStream input = in.getInputStream(entry)) {
					input.transferTo(out);
				}
				out.closeEntry();
			}
			for (Path root : roots) {
				if (!Files.isDirectory(root)) {
					continue;
				}
				try (Stream<Path> walk = Files.walk(root)) {
					for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
						String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
						if (in.getEntry(name) != null) {
							throw new IllegalStateException(zip + " already holds " + name);
						}
						ZipEntry added = new ZipEntry(name);
						if (first != null) {
							added.setTime(first.getTime());
							if (first.getLastModifiedTime() != null) {
								added.setLastModifiedTime(first.getLastModifiedTime());
							}
						}
						out.putNextEntry(added);
						Files.copy(file, out);
						out.closeEntry();
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(rewritten);
			throw ex;
		}
		Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
	}

	private static int count(Path classes) throws IOException {
		if (!Files.isDirectory(classes)) {
			return 0;
		}
		try (Stream<Path> walk = Files.walk(classes)) {
			return (int) walk.filter((path) -> path.toString().endsWith(".class")).count();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(directory)) {
			walk.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
