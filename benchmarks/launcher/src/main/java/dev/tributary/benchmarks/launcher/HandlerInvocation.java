package dev.tributary.benchmarks.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/**
 * A Lambda handler built the way the Java runtime builds it: a stream handler gets the event's
 * bytes; a {@link RequestHandler} gets the event deserialized with the Lambda event serializers
 * and its result serialized the same way.
 *
 * @author Tributary
 */
abstract class HandlerInvocation {

	static HandlerInvocation of(String handler) throws ReflectiveOperationException {
		int separator = handler.indexOf("::");
		String className = (separator >= 0) ? handler.substring(0, separator) : handler;
		String methodName = (separator >= 0) ? handler.substring(separator + 2) : "handleRequest";
		Class<?> type = Class.forName(className);
		Object instance = type.getDeclaredConstructor().newInstance();
		if (instance instanceof RequestHandler<?, ?> requestHandler) {
			return new PojoHandler(requestHandler);
		}
		Method method = type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
		return new StreamHandler(instance, method);
	}

	abstract String invoke(byte[] event) throws IOException;

	private static final class StreamHandler extends HandlerInvocation {

		private final Object instance;

		private final Method method;

		StreamHandler(Object instance, Method method) {
			this.instance = instance;
			this.method = method;
		}

		@Override
		String invoke(byte[] event) throws IOException {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try {
				this.method.invoke(this.instance, new ByteArrayInputStream(event), output, new LauncherContext());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InvocationTargetException ex) {
				throw new IOException("Handler failed", ex.getCause());
			}
			return output.toString(StandardCharsets.UTF_8);
		}

	}

	private static final class PojoHandler extends HandlerInvocation {

		private final RequestHandler<Object, Object> handler;

		private final PojoSerializer<Object> input;

		private final PojoSerializer<Object> output;

		@SuppressWarnings("unchecked")
		PojoHandler(RequestHandler<?, ?> handler) {
			this.handler = (RequestHandler<Object, Object>) handler;
			ParameterizedType types = requestHandlerType(handler.getClass());
			ClassLoader classLoader = handler.getClass().getClassLoader();
			this.input = LambdaEventSerializers.serializerFor((Class<Object>) types.getActualTypeArguments()[0],
					classLoader);
			this.output = LambdaEventSerializers.serializerFor((Class<Object>) types.getActualTypeArguments()[1],
					classLoader);
		}

		@Override
		String invoke(byte[] event) {
			Object request = this.input.fromJson(new ByteArrayInputStream(event));
			Object response = this.handler.handleRequest(request, new LauncherContext());
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			this.output.toJson(response, bytes);
			return bytes.toString(StandardCharsets.UTF_8);
		}

		private static ParameterizedType requestHandlerType(Class<?> type) {
			for (Class<?> current = type; current != null; current = current.getSuperclass()) {
				for (Type candidate : current.getGenericInterfaces()) {
					if (candidate instanceof ParameterizedType parameterized
							&& parameterized.getRawType() == RequestHandler.class) {
						return parameterized;
					}
				}
			}
			throw new IllegalArgumentException(type.getName() + " does not declare RequestHandler<I, O>");
		}

	}

}
