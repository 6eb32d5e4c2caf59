package dev.tributary.lambda.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import dev.tributary.lambda.LambdaPrimer;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Primes the processors just before Lambda takes a SnapStart snapshot: a CRaC {@link Resource}
 * registered with the global context once the application context's singletons exist, whose
 * {@link #beforeCheckpoint(Context)} runs the {@link LambdaPrimer}. A function restored from
 * the snapshot then starts with its invocation path loaded and warm.
 * <p>
 * CRaC holds its resources weakly: this bean, a singleton of the application context, is what
 * keeps the registration alive. Outside a checkpointing JVM the registration costs nothing and
 * is never called.
 *
 * @author Tributary
 */
public final class SnapStartPriming implements Resource, SmartInitializingSingleton {

	private final LambdaPrimer primer;

	/**
	 * Create the resource.
	 * @param primer primes the processors
	 */
	public SnapStartPriming(LambdaPrimer primer) {
		Assert.notNull(primer, "'primer' must not be null");
		this.primer = primer;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Core.getGlobalContext().register(this);
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
