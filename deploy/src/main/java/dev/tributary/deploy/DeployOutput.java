package dev.tributary.deploy;

/**
 * Where deploy prints its plan and progress: the terminal of the person running it.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface DeployOutput {

	/** Prints to standard output. */
	DeployOutput STDOUT = System.out::println;

	/**
	 * Print one line (or several, separated by line breaks).
	 * @param line the text
	 */
	void println(String line);

}
