package dev.tributary.benchmarks.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the three variants' deployment artifacts in the build's output, and says how each runs
 * its DynamoDB Streams processor, its Kinesis processor and its SQS processor (same artifacts,
 * another handler or function definition).
 *
 * @author Tributary
 */
public final class Variants {

	/** System property naming the sample app's artifact, when it cannot be found by name. */
	public static final String SAMPLE_ARTIFACT_PROPERTY = "benchmarks.artifact.s";

	/** System property naming the sample app's API function zip, when it cannot be found by name. */
	public static final String SAMPLE_API_ARTIFACT_PROPERTY = "benchmarks.artifact.s-api";

	// The API function's own zip (docs/lambda.md): not what a processor's function deploys.
	private static final String API_ZIP = "-api-lambda.zip";

	private static final String FUNCTION_INVOKER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final String FUNCTION_DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";

	private Variants() {
	}

	/**
	 * The variants running their DynamoDB Streams processor, in the order runs are interleaved.
	 * @param root the project's root directory
	 * @return B0, B1 and S
	 */
	public static List<Variant> locate(Path root) {
		Variant plain = new Variant("B0", "plain RequestHandler<DynamodbEvent, StreamsEventResponse>",
				existing(root.resolve("benchmarks/baseline-plain/target/baseline-plain.zip")),
				"dev.tributary.benchmarks.baseline.plain.PlainItemsHandler::handleRequest", Map.of(),
				Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN"));
		Variant spring = new Variant("B1", "plain Spring Cloud Function Function<DynamodbEvent, StreamsEventResponse>",
				existing(root.resolve("benchmarks/baseline-spring/target/baseline-spring.zip")), FUNCTION_INVOKER,
				Map.of("MAIN_CLASS", "dev.tributary.benchmarks.baseline.spring.SpringItemsApplication",
						FUNCTION_DEFINITION, "logItems"),
				Map.of("LOGGING_LEVEL_DEV_TRIBUTARY_BENCHMARKS_BASELINE_SPRING", "WARN"));
		Variant sample = new Variant("S", "the sample app's Tributary processor", sampleArtifact(root),
				FUNCTION_INVOKER, Map.of("MAIN_CLASS", "dev.tributary.sample.SampleApplication",
						FUNCTION_DEFINITION, "logItems"),
				Map.of("LOGGING_LEVEL_DEV_TRIBUTARY_SAMPLE", "WARN"));
		return List.of(plain, spring, sample);
	}

	/**
	 * The same artifacts, running their Kinesis processor instead: B0's
	 * {@code PlainEventsHandler}, and B1's and S's {@code logEvents} function.
	 * @param dynamoDb the variants as {@link #locate(Path)} found and prepared them
	 * @return the Kinesis variants, in the same order
	 */
	public static List<PreparedVariant> kinesis(List<PreparedVariant> dynamoDb) {
		return dynamoDb.stream()
			.map((prepared) -> new PreparedVariant(kinesis(prepared.variant()), prepared.artifact()))
			.toList();
	}

	private static Variant kinesis(Variant variant) {
		return switch (variant.id()) {
			case "B0" -> new Variant("B0", "plain RequestHandler<KinesisEvent, StreamsEventResponse>",
					variant.artifact(), "dev.tributary.benchmarks.baseline.plain.PlainEventsHandler::handleRequest",
					variant.environment(), variant.lowLogging());
			case "B1" -> new Variant("B1", "plain Spring Cloud Function Function<KinesisEvent, StreamsEventResponse>",
					variant.artifact(), variant.handler(), withDefinition(variant, "logEvents"),
					variant.lowLogging());
			case "S" -> new Variant("S", "the sample app's Tributary Kinesis processor", variant.artifact(),
					variant.handler(), withDefinition(variant, "logEvents"), variant.lowLogging());
			default -> throw new IllegalArgumentException("Unknown variant " + variant.id());
		};
	}

	/**
	 * The same artifacts, running their SQS processor instead: B0's {@code PlainQueuedHandler},
	 * and B1's and S's {@code logQueued} function.
	 * @param dynamoDb the variants as {@link #locate(Path)} found and prepared them
	 * @return the SQS variants, in the same order
	 */
	public static List<PreparedVariant> sqs(List<PreparedVariant> dynamoDb) {
		return dynamoDb.stream()
			.map((prepared) -> new PreparedVariant(sqs(prepared.variant()), prepared.artifact()))
			.toList();
	}

	private static Variant sqs(Variant variant) {
		return switch (variant.id()) {
			case "B0" -> new Variant("B0", "plain RequestHandler<SQSEvent, SQSBatchResponse>", variant.artifact(),
					"dev.tributary.benchmarks.baseline.plain.PlainQueuedHandler::handleRequest", variant.environment(),
					variant.lowLogging());
			case "B1" -> new Variant("B1", "plain Spring Cloud Function Function<SQSEvent, SQSBatchResponse>",
					variant.artifact(), variant.handler(), withDefinition(variant, "logQueued"), variant.lowLogging());
			case "S" -> new Variant("S", "the sample app's Tributary SQS processor", variant.artifact(),
					variant.handler(), withDefinition(variant, "logQueued"), variant.lowLogging());
			default -> throw new IllegalArgumentException("Unknown variant " + variant.id());
		};
	}

	/** S's variant without ahead-of-time processing. */
	public static final String SAMPLE_WITHOUT_AOT = "S-noAOT";

	/** S's variant primed as before a SnapStart snapshot. */
	public static final String SAMPLE_PRIMED = "S-primed";

	/**
	 * S again, once per cold-start technique it uses, so that each one's share shows in the same
	 * interleaved run: {@value #SAMPLE_WITHOUT_AOT}, the same zip with its
	 * {@code spring.properties} (which turns ahead-of-time processing on) removed, when it has
	 * one; and {@value #SAMPLE_PRIMED}, with {@code TRIBUTARY_LAMBDA_PRIMING=startup}, which
	 * primes the processor while the handler is built, as SnapStart does before its snapshot.
	 * @param sample S, prepared
	 * @param work where to unpack another copy
	 * @return the extra variants
	 */
	public static List<PreparedVariant> coldStartTechniques(PreparedVariant sample, Path work) {
		List<PreparedVariant> techniques = new ArrayList<>();
		Variant s = sample.variant();
		Path springProperties = sample.artifact().taskRoot().resolve("spring.properties");
		if (Files.isRegularFile(springProperties) && s.artifact() != null) {
			LambdaArtifact copy = LambdaArtifact.unpack(s.artifact(), work.resolve(SAMPLE_WITHOUT_AOT));
			try {
				Files.delete(copy.taskRoot().resolve("spring.properties"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			techniques.add(new PreparedVariant(new Variant(SAMPLE_WITHOUT_AOT, s.description()
					+ " without ahead-of-time processing", s.artifact(), s.handler(), s.environment(), s.lowLogging()),
					copy));
		}
		Map<String, String> primed = new HashMap<>(s.environment());
		primed.put("TRIBUTARY_LAMBDA_PRIMING", "startup");
		techniques.add(new PreparedVariant(new Variant(SAMPLE_PRIMED, s.description() + ", primed at startup",
				s.artifact(), s.handler(), Map.copyOf(primed), s.lowLogging()), sample.artifact()));
		return techniques;
	}

	private static Map<String, String> withDefinition(Variant variant, String definition) {
		Map<String, String> environment = new HashMap<>(variant.environment());
		environment.put(FUNCTION_DEFINITION, definition);
		return Map.copyOf(environment);
	}

	/**
	 * The sample app's API function's zip, {@code *-api-lambda.zip}, whose size the report
	 * shows beside the processors' (the artifact S runs).
	 * @param root the project's root directory
	 * @return the property's file if set, else the zip in {@code sample-app/target}, or
	 * {@code null} when there is none
	 */
	public static @Nullable Path sampleApiArtifact(Path root) {
		return sampleFile(root, SAMPLE_API_ARTIFACT_PROPERTY, (file) -> file.getFileName().toString().endsWith(API_ZIP));
	}

	/**
	 * The sample app's Lambda artifact, the processors' zip: the property if set, else a zip
	 * (not the API function's), else a jar in {@code sample-app/target} that Lambda can load (not
	 * a Spring Boot executable jar), preferring names that say {@code aws} or {@code lambda}.
	 */
	private static @Nullable Path sampleArtifact(Path root) {
		return sampleFile(root, SAMPLE_ARTIFACT_PROPERTY, Variants::isLambdaArtifact);
	}

	private static @Nullable Path sampleFile(Path root, String property, Predicate<Path> candidate) {
		String configured = System.getProperty(property);
		if (configured != null && !configured.isBlank()) {
			return existing(Path.of(configured));
		}
		Path target = root.resolve("sample-app/target");
		if (!Files.isDirectory(target)) {
			return null;
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(candidate)
				.min(Comparator.comparingInt(Variants::preference).thenComparing(Path::toString))
				.orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isLambdaArtifact(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".zip")) {
			return !name.endsWith(API_ZIP);
		}
		return name.endsWith(".jar") && !name.startsWith("original-") && !name.endsWith("-sources.jar")
				&& !name.endsWith("-tests.jar") && !name.endsWith("-plain.jar")
				&& !LambdaArtifact.isBootExecutableJar(file);
	}

	private static int preference(Path file) {
		String name = file.getFileName().toString();
		int format = name.endsWith(".zip") ? 0 : 1;
		return (name.contains("aws") || name.contains("lambda")) ? format : 2 + format;
	}

	private static @Nullable Path existing(Path file) {
		return Files.isRegularFile(file) ? file : null;
	}

}
