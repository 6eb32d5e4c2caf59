package dev.tributary.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

import dev.tributary.ImageMappingException;

/**
 * Creates record instances through the canonical constructor from an argument array, the
 * "builder" of the record's immutable table schema. The constructor is resolved once into a
 * spreading {@link MethodHandle}, so mapping an image costs no reflection.
 *
 * @param <R> the record type
 * @author Tributary
 */
final class RecordInstantiator<R> {

	private final Class<R> type;

	private final MethodHandle constructor;

	// Primitives cannot take null: attributes missing from an image leave these defaults.
	private final Object[] defaults;

	private RecordInstantiator(Class<R> type, MethodHandle constructor, Object[] defaults) {
		this.type = type;
		this.constructor = constructor;
		this.defaults = defaults;
	}

	static <R> RecordInstantiator<R> of(Class<R> type) {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] parameterTypes = new Class<?>[components.length];
		Object[] defaults = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			parameterTypes[i] = components[i].getType();
			defaults[i] = parameterTypes[i].isPrimitive() ? Array.get(Array.newInstance(parameterTypes[i], 1), 0) : null;
		}
		try {
			Constructor<R> canonical = type.getDeclaredConstructor(parameterTypes);
			canonical.setAccessible(true);
			MethodHandle handle = MethodHandles.lookup()
				.unreflectConstructor(canonical)
				.asSpreader(Object[].class, components.length)
				.asType(MethodType.methodType(Object.class, Object[].class));
			return new RecordInstantiator<>(type, handle, defaults);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot access the canonical constructor of " + type.getName(), ex);
		}
	}

	Object[] newArguments() {
		return this.defaults.clone();
	}

	R instantiate(Object[] arguments) {
		try {
			return this.type.cast((Object) this.constructor.invokeExact(arguments));
		}
		catch (ImageMappingException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			// The record's own validation rejected the values: the cause is the user's exception.
			throw new ImageMappingException(MappingFailures.WHOLE_IMAGE, this.type.getName(),
					"its canonical constructor threw " + ex.getClass().getName(), ex);
		}
	}

}
