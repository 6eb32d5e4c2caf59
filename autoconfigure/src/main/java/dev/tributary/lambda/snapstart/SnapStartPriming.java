package dev.tributary.lambda.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import dev.tributary.lambda.LambdaPrimer;

import org.springframework.util.Assert;

/**
 * Primes the processors just before Lambda takes a SnapStart snapshot: a CRaC {@link Resource}
 * registered with the global context, whose {@link #beforeCheckpoint(Context)} runs the
 * {@link LambdaPrimer}. A function restored from the snapshot then starts with its invocation
 * path loaded and warm.
 * <p>
 * CRaC holds its resources weakly: whoever {@linkplain #register(LambdaPrimer) registers} one
 * keeps it. Outside a checkpointing JVM the registration costs nothing and is never called.
 *
 * @author Tributary
 */
public final class SnapStartPriming implements Resource {

	private final LambdaPrimer primer;

	private SnapStartPriming(LambdaPrimer primer) {
		this.primer = primer;
	}

	/**
	 * Register priming with CRaC's global context.
	 * @param primer primes the processors
	 * @return the registered resource, which the caller must keep referenced
	 */
	public static SnapStartPriming register(LambdaPrimer primer) {
		Assert.notNull(primer, "'primer' must not be null");
		SnapStartPriming resource = new SnapStartPriming(primer);
		Core.getGlobalContext().register(resource);
		return resource;
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) {
		this.primer.prime("before the SnapStart snapshot");
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
		// Nothing to reopen: priming leaves no connection or file behind.
	}

}
