package dev.tributary.lambda;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceRecord;
import dev.tributary.StreamProcessorRegistry;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

/**
 * Runs each processor's Lambda path (read the event, map each record, hand it out, answer) on
 * synthetic one-record events ({@link PrimingEvents}) with a function that only drains the
 * records, so that the classes and caches of a real invocation are loaded and warm before a
 * SnapStart snapshot (or before the first invocation) without side effects: the user's function
 * is not called, nothing is sent or deleted, nothing is logged per record.
 * <p>
 * Inside a function deployed for one processor ({@code SPRING_CLOUD_FUNCTION_DEFINITION} set),
 * only that processor is primed; otherwise every processor is. Priming never fails: a processor
 * whose path throws on the synthetic event is reported in the result and left as it is.
 *
 * @author Tributary
 */
public final class LambdaPrimer {

	private static final Log logger = LogFactory.getLog(LambdaPrimer.class);

	private final StreamProcessorRegistry processors;

	private final LambdaFunctionRegistrar registrar;

	private final @Nullable String functionDefinition;

	/**
	 * Create a primer.
	 * @param processors the application's processors
	 * @param registrar builds each processor's Lambda function
	 * @param functionDefinition the function this Lambda function runs
	 * ({@code spring.cloud.function.definition}), or {@code null} to prime every processor
	 */
	public LambdaPrimer(StreamProcessorRegistry processors, LambdaFunctionRegistrar registrar,
			@Nullable String functionDefinition) {
		Assert.notNull(processors, "'processors' must not be null");
		Assert.notNull(registrar, "'registrar' must not be null");
		this.processors = processors;
		this.registrar = registrar;
		this.functionDefinition = (functionDefinition != null && !functionDefinition.isBlank())
				? functionDefinition.trim() : null;
	}

	/**
	 * Prime the processors, each with its source's events, and log one line saying what was
	 * primed and how long it took.
	 * @param when what the priming is for, for the log line ("before the snapshot", ...)
	 * @return what was primed
	 */
	public Result prime(String when) {
		long start = System.nanoTime();
		List<String> primed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (ProcessorDefinition<?> processor : this.processors.getProcessors()) {
			if (this.functionDefinition != null
					&& !this.functionDefinition.equals(LambdaHandlers.functionDefinitionFor(processor.name()))) {
				continue;
			}
			if (primeOne(processor)) {
				primed.add(processor.name());
			}
			else {
				failed.add(processor.name());
			}
		}
		Result result = new Result(List.copyOf(primed), List.copyOf(failed), (System.nanoTime() - start) / 1_000_000);
		logger.info("Primed " + primed.size() + " processor(s) " + primed + " " + when + " in " + result.millis()
				+ " ms" + (failed.isEmpty() ? "" : "; could not prime " + failed + " (see DEBUG)"));
		return result;
	}

	private boolean primeOne(ProcessorDefinition<?> processor) {
		try {
			Function<Message<InputStream>, byte[]> function = this.registrar.functionFor(draining(processor));
			byte[] success = BatchItemFailuresResponse.success();
			for (byte[] event : PrimingEvents.forProcessor(processor)) {
				byte[] answer = function
					.apply(MessageBuilder.withPayload((InputStream) new ByteArrayInputStream(event)).build());
				if (!Arrays.equals(answer, success)) {
					throw new IllegalStateException("The synthetic event was answered with "
							+ new String(answer, StandardCharsets.UTF_8));
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Priming processor '" + processor.name() + "' failed; its first invocation loads what "
						+ "priming would have", ex);
			}
			return false;
		}
	}

	/**
	 * The processor with a function that requests every record (so each is mapped) and
	 * completes, whatever the mapping of the synthetic records gives.
	 */
	private static <E extends SourceRecord> ProcessorDefinition<E> draining(ProcessorDefinition<E> processor) {
		return processor.withFunction((records) -> records.onErrorComplete().then());
	}

	/**
	 * What one priming did.
	 *
	 * @param primed the processors primed
	 * @param failed the processors whose path threw on the synthetic events
	 * @param millis how long it took
	 */
	public record Result(List<String> primed, List<String> failed, long millis) {

	}

}
