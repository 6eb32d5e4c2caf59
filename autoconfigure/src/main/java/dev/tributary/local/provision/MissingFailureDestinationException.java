package dev.tributary.local.provision;

import dev.tributary.local.failure.FailureDestinationAddress;

import org.springframework.util.Assert;

/**
 * Thrown at startup when a processor's on-failure destination does not exist at the endpoint the
 * application talks to, and Tributary does not create it there (it creates destinations only in
 * the embedded emulator).
 *
 * @author Tributary
 */
public class MissingFailureDestinationException extends RuntimeException {

	private final String processor;

	private final FailureDestinationAddress destination;

	private final String where;

	/**
	 * Create an exception.
	 * @param processor the processor's name
	 * @param destination its on-failure destination
	 * @param where what the application is connected to, such as {@code endpoint http://...}
	 */
	public MissingFailureDestinationException(String processor, FailureDestinationAddress destination, String where) {
		super("Processor '" + processor + "' sends the records it gives up on to " + destination + " ("
				+ property(processor) + "), which does not exist at " + where);
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.notNull(destination, "'destination' must not be null");
		this.processor = processor;
		this.destination = destination;
		this.where = where;
	}

	/**
	 * The property naming a processor's on-failure destination.
	 * @param processor the processor's name
	 * @return the property's name
	 */
	public static String property(String processor) {
		return "tributary.processors." + processor + ".on-failure";
	}

	public String getProcessor() {
		return this.processor;
	}

	public FailureDestinationAddress getDestination() {
		return this.destination;
	}

	public String getWhere() {
		return this.where;
	}

}
