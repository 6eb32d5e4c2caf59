package dev.tributary.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StreamUtils;

/**
 * Reads the valid property names of one module from the configuration metadata the annotation
 * processor generated into it ({@code META-INF/spring-configuration-metadata.json}), so the list
 * stays true as properties are added.
 * <p>
 * The module's own file is found next to one of its classes, not by scanning the class path:
 * every library has such a file and Spring Boot's are large. A map of objects (such as
 * {@code tributary.processors}) is one entry in the metadata; the properties of its values are
 * read from their class, as Spring Boot's binder does.
 *
 * @author Tributary
 */
final class ConfigurationMetadataPatterns {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private ConfigurationMetadataPatterns() {
	}

	/**
	 * The property names of the module holding a class.
	 * @param classLoader the class loader
	 * @param anchor a class of the module, as a resource name ({@code dev/tributary/X.class})
	 * @return the names, empty when the class or the module's metadata is not there (a shaded jar
	 * keeps only one library's metadata)
	 */
	static Optional<List<PropertyPattern>> load(ClassLoader classLoader, String anchor) {
		URL anchorUrl = classLoader.getResource(anchor);
		if (anchorUrl == null) {
			return Optional.empty();
		}
		String location = anchorUrl.toString();
		try {
			URL metadata = URI.create(location.substring(0, location.length() - anchor.length()) + METADATA).toURL();
			try (InputStream in = metadata.openStream()) {
				return Optional.of(parse(StreamUtils.copyToString(in, StandardCharsets.UTF_8), classLoader));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static List<PropertyPattern> parse(String json, ClassLoader classLoader) {
		List<PropertyPattern> patterns = new ArrayList<>();
		Object properties = (MiniJson.read(json) instanceof Map<?, ?> document) ? document.get("properties") : null;
		if (properties instanceof List<?> list) {
			for (Object property : list) {
				if (property instanceof Map<?, ?> map && map.get("name") instanceof String name) {
					Object type = map.get("type");
					add(patterns, Arrays.asList(name.split("\\.")), (type instanceof String t) ? t : null,
							classLoader, 0);
				}
			}
		}
		return patterns;
	}

	private static void add(List<PropertyPattern> patterns, List<String> prefix, @Nullable String type,
			ClassLoader classLoader, int depth) {
		// Judged by name: loading every property's type would cost more than the whole check.
		String raw = (type != null && type.indexOf('<') > 0) ? type.substring(0, type.indexOf('<')) : type;
		if (raw == null || depth > 3) {
			patterns.add(new PropertyPattern(prefix, false));
		}
		else if (raw.endsWith("[]") || raw.startsWith("java.util.")
				&& (raw.endsWith("List") || raw.endsWith("Set") || raw.endsWith("Collection"))) {
			patterns.add(new PropertyPattern(prefix, true));
		}
		else if (raw.startsWith("java.util.") && raw.endsWith("Map")) {
			String valueType = mapValueType(type);
			Class<?> valueClass = (valueType != null) ? resolveOwn(valueType, classLoader) : null;
			if (valueClass != null && isBean(valueClass)) {
				addBean(patterns, append(prefix, PropertyPattern.ANY), valueClass, classLoader, depth + 1);
			}
			else {
				patterns.add(new PropertyPattern(append(prefix, PropertyPattern.REST), false));
			}
		}
		else {
			Class<?> rawClass = (depth > 0) ? resolveOwn(raw, classLoader) : null;
			if (rawClass != null && isBean(rawClass)) {
				addBean(patterns, prefix, rawClass, classLoader, depth + 1);
			}
			else {
				patterns.add(new PropertyPattern(prefix, false));
			}
		}
	}

	private static void addBean(List<PropertyPattern> patterns, List<String> prefix, Class<?> type,
			ClassLoader classLoader, int depth) {
		// Plain reflection rather than java.beans: its introspector costs seconds on a cold JVM.
		for (Method method : type.getMethods()) {
			String name = method.getName();
			boolean setter = name.startsWith("set") && name.length() > 3 && method.getParameterCount() == 1;
			boolean nested = name.startsWith("get") && name.length() > 3 && method.getParameterCount() == 0
					&& isBean(method.getReturnType()) && method.getReturnType() != type;
			if (setter || nested) {
				String genericType = setter ? method.getGenericParameterTypes()[0].getTypeName()
						: method.getGenericReturnType().getTypeName();
				add(patterns, append(prefix, dashed(name.substring(3))), genericType, classLoader, depth);
			}
		}
	}

	private static boolean isBean(Class<?> type) {
		return !type.isPrimitive() && !type.isEnum() && !type.isArray() && type.getName().startsWith("dev.tributary.");
	}

	private static @Nullable String mapValueType(String type) {
		int comma = type.indexOf(',');
		int end = type.lastIndexOf('>');
		return (comma > 0 && end > comma) ? type.substring(comma + 1, end).trim() : null;
	}

	/**
	 * Load one of Tributary's own classes (whose properties are nested properties); any other
	 * type is a plain value.
	 */
	private static @Nullable Class<?> resolveOwn(String name, ClassLoader classLoader) {
		if (!name.startsWith("dev.tributary.") || name.endsWith("[]")) {
			return null;
		}
		try {
			return Class.forName(name.replace(" ", ""), false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static List<String> append(List<String> prefix, String element) {
		List<String> elements = new ArrayList<>(prefix);
		elements.add(element);
		return elements;
	}

	private static String dashed(String camelCase) {
		StringBuilder dashed = new StringBuilder();
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c) && !dashed.isEmpty()) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else if (Character.isUpperCase(c)) {
				dashed.append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

}
