package dev.tributary.benchmarks.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the Lambda Java runtime in a fresh JVM whose class path is a deployment
 * artifact: builds the handler, invokes it with event files and prints what the harness
 * measures, one {@value #MARKER} line each, on standard output (where the application logs
 * too). Usage:
 * <pre>
 * coldstart  HANDLER EVENT...                  invoke each event once, then report peak RSS
 * throughput HANDLER WARMUP_MS MEASURE_MS EVENT  invoke one event repeatedly, report timings
 *                                                and the first response
 * </pre>
 * {@code HANDLER} is Lambda's handler string, {@code class::method}.
 *
 * @author Tributary
 */
public final class LambdaLauncher {

	/** Prefix of every line the harness reads. */
	public static final String MARKER = "@@bench";

	private LambdaLauncher() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		if (args.length < 3) {
			throw new IllegalArgumentException("Usage: coldstart|throughput HANDLER ... EVENT");
		}
		HandlerInvocation handler = HandlerInvocation.of(args[1]);
		report("init", (System.nanoTime() - start) + "");
		if (args[0].equals("coldstart")) {
			coldStart(handler, eventFiles(args, 2));
		}
		else if (args[0].equals("throughput")) {
			throughput(handler, Long.parseLong(args[2]), Long.parseLong(args[3]), Files.readAllBytes(Path.of(args[4])));
		}
		else {
			throw new IllegalArgumentException("Unknown mode " + args[0]);
		}
		System.out.flush();
		// Spring contexts leave non-daemon threads behind; Lambda freezes the process instead.
		System.exit(0);
	}

	private static void coldStart(HandlerInvocation handler, List<byte[]> events) throws IOException {
		for (int i = 0; i < events.size(); i++) {
			long start = System.nanoTime();
			String response = handler.invoke(events.get(i));
			report("response", i + " " + (System.nanoTime() - start) + " " + response.replaceAll("\\s+", ""));
		}
		report("vmhwm", peakResidentKilobytes() + "");
	}

	private static void throughput(HandlerInvocation handler, long warmupMillis, long measureMillis, byte[] event)
			throws IOException {
		// Invokes 1 to 10 one by one: the first pays for class loading and the mapping path's setup.
		for (int i = 1; i <= 10; i++) {
			long start = System.nanoTime();
			String response = handler.invoke(event);
			report("invoke", i + " " + (System.nanoTime() - start));
			if (i == 1) {
				report("response", i + " " + response.replaceAll("\\s+", ""));
			}
		}
		long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
		while (System.nanoTime() < warmupEnd) {
			handler.invoke(event);
		}
		long start = System.nanoTime();
		long end = start + measureMillis * 1_000_000;
		int invocations = 0;
		long now = start;
		while (now < end) {
			handler.invoke(event);
			invocations++;
			now = System.nanoTime();
		}
		report("steady", invocations + " " + (now - start));
	}

	private static List<byte[]> eventFiles(String[] args, int from) throws IOException {
		List<byte[]> events = new ArrayList<>();
		for (int i = from; i < args.length; i++) {
			events.add(Files.readAllBytes(Path.of(args[i])));
		}
		return events;
	}

	private static long peakResidentKilobytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
			}
		}
		return -1;
	}

	private static void report(String what, String value) {
		System.out.println(MARKER + " " + what + " " + value);
	}

}
