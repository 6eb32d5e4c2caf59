package dev.tributary.deploy.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation the deploy clients call, tells mutating ones from reads by name,
 * and can fail the Nth mutating call to interrupt a deploy halfway.
 *
 * @author Tributary
 */
public class CallRecorder implements ExecutionInterceptor {

	private static final List<String> READ_PREFIXES = List.of("Describe", "Get", "List", "Head", "Filter");

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger mutating = new AtomicInteger();

	private volatile int failOnMutatingCall = -1;

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		if (isMutating(operation) && this.mutating.incrementAndGet() == this.failOnMutatingCall) {
			this.failOnMutatingCall = -1;
			throw new IllegalStateException("Injected failure before " + operation);
		}
		this.calls.add(operation);
	}

	/**
	 * Every operation called since the last {@link #clear()}.
	 * @return their names, in call order
	 */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * Mutating operations called since the last {@link #clear()}.
	 * @return their names, in call order
	 */
	public List<String> mutatingCalls() {
		return this.calls.stream().filter(CallRecorder::isMutating).toList();
	}

	public void clear() {
		this.calls.clear();
		this.mutating.set(0);
	}

	/**
	 * Throw, once, before the {@code n}th mutating call after this.
	 * @param n the call's number, from 1
	 */
	public void failOnMutatingCall(int n) {
		this.mutating.set(0);
		this.failOnMutatingCall = n;
	}

	private static boolean isMutating(String operation) {
		return READ_PREFIXES.stream().noneMatch(operation::startsWith);
	}

}
