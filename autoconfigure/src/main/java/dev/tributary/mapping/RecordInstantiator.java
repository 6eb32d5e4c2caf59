package dev.tributary.mapping;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import dev.tributary.ImageMappingException;

/**
 * Creates record instances through the canonical constructor from an argument array, the
 * "builder" of the record's immutable table schema.
 * <p>
 * The constructor is called reflectively rather than through a spreading {@code MethodHandle}:
 * Lambda runs C1 only ({@code TieredStopAtLevel=1}), which does not inline a method handle held in
 * a field, and there the handle's array spreading and {@code allocateInstance} made mapping an
 * image twice as slow as the Enhanced Client's (see {@code docs/benchmarks.md}).
 *
 * @param <R> the record type
 * @author Tributary
 */
final class RecordInstantiator<R> {

	private final Class<R> type;

	private final Constructor<R> constructor;

	// Primitives cannot take null: attributes missing from an image leave these defaults.
	private final Object[] defaults;

	private final boolean hasPrimitives;

	private RecordInstantiator(Class<R> type, Constructor<R> constructor, Object[] defaults, boolean hasPrimitives) {
		this.type = type;
		this.constructor = constructor;
		this.defaults = defaults;
		this.hasPrimitives = hasPrimitives;
	}

	static <R> RecordInstantiator<R> of(Class<R> type) {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] parameterTypes = new Class<?>[components.length];
		Object[] defaults = new Object[components.length];
		boolean hasPrimitives = false;
		for (int i = 0; i < components.length; i++) {
			parameterTypes[i] = components[i].getType();
			if (parameterTypes[i].isPrimitive()) {
				defaults[i] = Array.get(Array.newInstance(parameterTypes[i], 1), 0);
				hasPrimitives = true;
			}
		}
		try {
			Constructor<R> canonical = type.getDeclaredConstructor(parameterTypes);
			canonical.setAccessible(true);
			return new RecordInstantiator<>(type, canonical, defaults, hasPrimitives);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot access the canonical constructor of " + type.getName(), ex);
		}
	}

	Object[] newArguments() {
		return this.hasPrimitives ? this.defaults.clone() : new Object[this.defaults.length];
	}

	R instantiate(Object[] arguments) {
		try {
			return this.constructor.newInstance(arguments);
		}
		catch (InvocationTargetException ex) {
			// The record's own validation rejected the values: the cause is the user's exception.
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof ImageMappingException mappingFailure) {
				throw mappingFailure;
			}
			throw new ImageMappingException(MappingFailures.WHOLE_IMAGE, this.type.getName(),
					"its canonical constructor threw " + cause.getClass().getName(), cause);
		}
		catch (ReflectiveOperationException | IllegalArgumentException ex) {
			throw new ImageMappingException(MappingFailures.WHOLE_IMAGE, this.type.getName(),
					"its canonical constructor could not be called with the mapped values", ex);
		}
	}

}
