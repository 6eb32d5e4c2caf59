package dev.tributary.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy between an AWS SDK client and the emulator that fails a share of calls the way
 * AWS and networks do: answers 500 (InternalServerError) or 400 (ThrottlingException) without
 * forwarding, drops the connection without an answer, or forwards after a delay; and, during an
 * {@link #outage(boolean) outage}, drops every call. Point a client's endpoint at
 * {@link #endpoint()}. One request per connection (answers say {@code Connection: close}), so
 * a fault never leaves a half-used connection in the client's pool.
 * <p>
 * Which call gets which fault is drawn from a seeded random, so a run can be repeated.
 *
 * @author Tributary
 */
public final class FaultInjectingProxy implements AutoCloseable {

	private final URI target;

	private final Faults faults;

	private final Random random;

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "fault-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private volatile boolean outage;

	private volatile boolean closed;

	/**
	 * Start a proxy on a free loopback port.
	 * @param target the emulator's endpoint
	 * @param faults the share of calls that get each fault
	 * @param seed the seed of the draws
	 * @throws IOException if no port can be opened
	 */
	public FaultInjectingProxy(URI target, Faults faults, long seed) throws IOException {
		this.target = target;
		this.faults = faults;
		this.random = new Random(seed);
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Where clients connect.
	 * @return the proxy's endpoint
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/**
	 * Start or end an outage: while it lasts, every call is dropped without an answer.
	 * @param outage whether the emulator is unreachable
	 */
	public void outage(boolean outage) {
		this.outage = outage;
	}

	/**
	 * How many calls got an outcome: {@code forwarded}, {@code delayed}, {@code error500},
	 * {@code throttled}, {@code dropped} or {@code outage}.
	 * @param outcome the outcome
	 * @return the count
	 */
	public int count(String outcome) {
		AtomicInteger count = this.counts.get(outcome);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * How many calls got a fault (not counting the outage).
	 * @return the count
	 */
	public int injected() {
		return count("error500") + count("throttled") + count("dropped") + count("delayed");
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
		this.connections.shutdownNow();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				this.connections.execute(() -> handle(client));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void handle(Socket client) {
		try (client) {
			byte[] request = readMessage(client.getInputStream(), true);
			if (request == null) {
				return;
			}
			String outcome = this.outage ? "outage" : draw();
			this.counts.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet();
			OutputStream out = client.getOutputStream();
			switch (outcome) {
				case "outage", "dropped" -> {
					// No answer: the client sees the connection end.
				}
				case "error500" -> out.write(error(500, "Internal Server Error", "InternalServerError"));
				case "throttled" -> out.write(error(400, "Bad Request", "ThrottlingException"));
				default -> {
					if (outcome.equals("delayed")) {
						Thread.sleep(this.faults.delay().toMillis());
					}
					out.write(forward(request));
				}
			}
			out.flush();
		}
		catch (IOException ex) {
			// The client went away: nothing to answer.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized String draw() {
		double draw = this.random.nextDouble();
		double bound = this.faults.serverErrors();
		if (draw < bound) {
			return "error500";
		}
		bound += this.faults.throttles();
		if (draw < bound) {
			return "throttled";
		}
		bound += this.faults.drops();
		if (draw < bound) {
			return "dropped";
		}
		bound += this.faults.delays();
		return (draw < bound) ? "delayed" : "forwarded";
	}

	private byte[] forward(byte[] request) throws IOException {
		try (Socket upstream = new Socket(this.target.getHost(), this.target.getPort())) {
			upstream.getOutputStream().write(withConnectionClose(request));
			upstream.getOutputStream().flush();
			byte[] response = readMessage(upstream.getInputStream(), false);
			if (response == null) {
				throw new IOException("No answer from " + this.target);
			}
			return withConnectionClose(response);
		}
	}

	private static byte[] error(int status, String reason, String code) {
		String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\",\"message\":\"Injected " + code
				+ "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
				+ "x-amzn-ErrorType: " + code + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(bytes);
		return out.toByteArray();
	}

	/**
	 * Read one HTTP message: the head, then a body of Content-Length bytes (or, for a response
	 * without one, up to the end of the stream).
	 */
	private static byte[] readMessage(InputStream in, boolean request) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String headers = head.toString(StandardCharsets.ISO_8859_1);
		int length = -1;
		for (String line : headers.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.writeBytes(head.toByteArray());
		if (length >= 0) {
			message.writeBytes(in.readNBytes(length));
		}
		else if (!request) {
			message.writeBytes(in.readAllBytes());
		}
		return message.toByteArray();
	}

	private static byte[] withConnectionClose(byte[] message) {
		String text = new String(message, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		StringBuilder head = new StringBuilder();
		for (String line : text.substring(0, end).split("\r\n")) {
			if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
				head.append(line).append("\r\n");
			}
		}
		head.append("Connection: close\r\n\r\n");
		return (head + text.substring(end + 4)).getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * The share of calls (0 to 1) that get each fault; the rest are forwarded as they are.
	 *
	 * @param serverErrors answered 500 InternalServerError
	 * @param throttles answered 400 ThrottlingException
	 * @param drops dropped without an answer
	 * @param delays forwarded after {@code delay}
	 * @param delay how long a delayed call waits
	 */
	public record Faults(double serverErrors, double throttles, double drops, double delays, Duration delay) {

	}

}
