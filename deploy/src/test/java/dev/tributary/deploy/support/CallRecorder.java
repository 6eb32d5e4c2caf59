package dev.tributary.deploy.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.deploy.lock.DeployLock;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation the deploy clients call, tells mutating ones from reads by name,
 * and can fail the Nth mutating call to interrupt a deploy halfway, or run a hook before an
 * operation (to pause a deploy or inject a competitor). Calls on the deploy lock's table are
 * kept apart, in {@link #lockCalls()}, so that tests of resources see only theirs.
 *
 * @author Tributary
 */
public class CallRecorder implements ExecutionInterceptor {

	private static final List<String> READ_PREFIXES = List.of("Describe", "Get", "List", "Head", "Filter");

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final List<String> lockCalls = new CopyOnWriteArrayList<>();

	private final Map<String, Runnable> hooks = new ConcurrentHashMap<>();

	private final Map<String, SdkRequest> lastRequests = new ConcurrentHashMap<>();

	private final AtomicInteger mutating = new AtomicInteger();

	private volatile int failOnMutatingCall = -1;

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		if (DeployLock.TABLE.equals(context.request().getValueForField("TableName", String.class).orElse(null))) {
			this.lockCalls.add(operation);
			return;
		}
		Runnable hook = this.hooks.remove(operation);
		if (hook != null) {
			hook.run();
		}
		if (isMutating(operation) && this.mutating.incrementAndGet() == this.failOnMutatingCall) {
			this.failOnMutatingCall = -1;
			throw new IllegalStateException("Injected failure before " + operation);
		}
		this.calls.add(operation);
		this.lastRequests.put(operation, context.request());
	}

	/**
	 * The request last sent for an operation since the last {@link #clear()}, for fields an
	 * emulator stores but does not return.
	 * @param operation the operation, for example {@code CreateEventSourceMapping}
	 * @param type the request's type
	 * @param <R> the request's type
	 * @return the request
	 */
	public <R extends SdkRequest> R lastRequest(String operation, Class<R> type) {
		SdkRequest request = this.lastRequests.get(operation);
		if (request == null) {
			throw new AssertionError(operation + " was not called; calls: " + this.calls);
		}
		return type.cast(request);
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

	/**
	 * Operations called on the deploy lock's table since the last {@link #clear()}.
	 * @return their names, in call order
	 */
	public List<String> lockCalls() {
		return List.copyOf(this.lockCalls);
	}

	/**
	 * Run a hook, once, before the next call of an operation (on any thread; calls on the lock
	 * table do not count).
	 * @param operation the operation, for example {@code CreateFunction}
	 * @param hook what to run; what it throws is what the call throws
	 */
	public void beforeNext(String operation, Runnable hook) {
		this.hooks.put(operation, hook);
	}

	public void clear() {
		this.calls.clear();
		this.lockCalls.clear();
		this.lastRequests.clear();
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
