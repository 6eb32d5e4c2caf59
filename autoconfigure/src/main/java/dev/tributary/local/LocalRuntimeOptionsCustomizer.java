package dev.tributary.local;

/**
 * Callback to adjust the local runtime's options after Tributary applied the
 * {@code tributary.local.*} properties. Beans of this type are applied in order.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface LocalRuntimeOptionsCustomizer {

	/**
	 * Customize the options.
	 * @param builder the builder, holding the configured values
	 */
	void customize(LocalRuntimeOptions.Builder builder);

}
