package dev.tributary.autoconfigure.lambda;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.tributary.autoconfigure.lambda.LambdaProperties.Priming;
import dev.tributary.lambda.LambdaPrimer;
import dev.tributary.lambda.snapstart.SnapStartPriming;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Runs the {@link LambdaPrimer} when {@code tributary.lambda.priming} says, once the context's
 * singletons exist: registers {@link SnapStartPriming} with CRaC ({@code snap-start}, when
 * {@code org.crac} is on the class path), primes right away ({@code startup}), or does nothing.
 *
 * @author Tributary
 */
public final class LambdaPrimingTrigger implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(LambdaPrimingTrigger.class);

	private static final String CRAC_RESOURCE = "org.crac.Resource";

	private final LambdaPrimer primer;

	private final Priming priming;

	// CRaC holds resources weakly: this reference keeps the registration alive.
	private @Nullable Object snapStartResource;

	/**
	 * Create the trigger.
	 * @param primer primes the processors
	 * @param priming when to
	 */
	public LambdaPrimingTrigger(LambdaPrimer primer, Priming priming) {
		Assert.notNull(primer, "'primer' must not be null");
		Assert.notNull(priming, "'priming' must not be null");
		this.primer = primer;
		this.priming = priming;
	}

	@Override
	public void afterSingletonsInstantiated() {
		switch (this.priming) {
			case SNAP_START -> {
				if (ClassUtils.isPresent(CRAC_RESOURCE, LambdaPrimingTrigger.class.getClassLoader())) {
					this.snapStartResource = SnapStartPriming.register(this.primer);
				}
				else {
					logger.debug("Not priming for SnapStart: org.crac is not on the class path");
				}
			}
			case STARTUP -> this.primer.prime("at startup");
			case NONE -> logger.debug("Priming is off (tributary.lambda.priming=none)");
		}
	}

	/**
	 * The resource registered with CRaC, if priming waits for a SnapStart snapshot.
	 * @return the resource
	 */
	public Optional<SnapStartPriming> snapStartResource() {
		return Optional.ofNullable((SnapStartPriming) this.snapStartResource);
	}

}
