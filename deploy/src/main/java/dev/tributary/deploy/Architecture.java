package dev.tributary.deploy;

/**
 * Instruction set architecture of a deployed function.
 *
 * @author Tributary
 */
public enum Architecture {

	/** 64-bit x86, Lambda's default. */
	X86_64("x86_64"),

	/** 64-bit ARM (Graviton), cheaper per GB-second. */
	ARM64("arm64");

	private final String awsName;

	Architecture(String awsName) {
		this.awsName = awsName;
	}

	/**
	 * The name Lambda's API uses.
	 * @return {@code x86_64} or {@code arm64}
	 */
	public String awsName() {
		return this.awsName;
	}

}
