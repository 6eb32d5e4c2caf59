package dev.tributary.benchmarks.artifact;

/**
 * A variant whose artifact is unpacked and ready to start.
 *
 * @param variant the variant
 * @param artifact its unpacked artifact
 * @author Tributary
 */
public record PreparedVariant(Variant variant, LambdaArtifact artifact) {

	/**
	 * The variant's short name.
	 * @return {@code B0}, {@code B1} or {@code S}
	 */
	public String id() {
		return this.variant.id();
	}

}
