package dev.tributary.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Fails startup on {@code tributary.*} properties that no Tributary module on the class path
 * knows, before any bean (the embedded emulator, AWS clients) is created: a misspelled setting
 * such as {@code batch-szie} would otherwise be ignored. Valid names come from the modules'
 * configuration metadata; {@code tributary.deploy.*} is valid only with the deploy module, and
 * {@code tributary.deploy.command} without it fails on its own, saying how to add it, and so
 * does {@code tributary.runtime=kcl} without the KCL module.
 * <p>
 * Environment variables are checked only below a known group ({@code TRIBUTARY_LOCAL_*},
 * {@code TRIBUTARY_PROCESSORS_*}, ...): other {@code TRIBUTARY_*} variables, such as those deploy
 * gives every function, belong to other tools.
 *
 * @author Tributary
 */
class TributaryPropertiesCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	private static final Log logger = LogFactory.getLog(TributaryPropertiesCheck.class);

	private static final String PREFIX = TributaryProperties.PREFIX;

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
					: ClassUtils.getDefaultClassLoader();
			check(configurable, (classLoader != null) ? classLoader : getClass().getClassLoader());
		}
	}

	/**
	 * Check every {@code tributary.*} property of an environment.
	 * @param environment the environment
	 * @param classLoader where the modules and their metadata are
	 * @throws DeployModuleMissingException if the deploy command is set without the deploy module
	 * @throws KclModuleMissingException if {@code tributary.runtime=kcl} is set without the KCL module
	 * @throws UnknownPropertiesException if any property is unknown
	 */
	static void check(ConfigurableEnvironment environment, ClassLoader classLoader) {
		long start = System.nanoTime();
		Optional<KnownPropertyNames> loaded = KnownPropertyNames.load(classLoader);
		long loadedAt = System.nanoTime();
		boolean deployPresent = loaded.map(KnownPropertyNames::isDeployPresent)
			.orElse(classLoader.getResource(KnownPropertyNames.DEPLOY_ANCHOR) != null);
		Map<String, UnknownProperty> unknown = new LinkedHashMap<>();
		int checked = 0;
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			boolean fromEnvironment = source instanceof SystemEnvironmentPropertySource;
			for (String name : enumerable.getPropertyNames()) {
				List<String> elements = elements(name, fromEnvironment);
				if (elements == null) {
					continue;
				}
				boolean relaxed = fromEnvironment && name.indexOf('.') < 0;
				List<String> uniform = elements.stream().map(PropertyPattern::uniform).toList();
				if (isKclRuntime(uniform, source.getProperty(name))
						&& classLoader.getResource(KnownPropertyNames.KCL_ANCHOR) == null) {
					throw new KclModuleMissingException(name, String.valueOf(source.getProperty(name)),
							origin(source, name));
				}
				boolean deploy = uniform.get(1).equals(KnownPropertyNames.DEPLOY_GROUP);
				if (deploy && !deployPresent && isCommand(uniform)) {
					throw new DeployModuleMissingException(name, String.valueOf(source.getProperty(name)),
							origin(source, name));
				}
				if (loaded.isEmpty() || (relaxed && !loaded.get().isGroup(uniform.get(1)))) {
					continue;
				}
				checked++;
				KnownPropertyNames known = loaded.get();
				if (!known.isKnown(uniform, relaxed)) {
					String note = (deploy && !deployPresent)
							? "tributary.deploy.* properties need the deploy module (dev.tributary:tributary-deploy, "
									+ "the -Pdeploy profile of the sample app)"
							: null;
					unknown.putIfAbsent(name,
							new UnknownProperty(name, origin(source, name), known.closest(elements), note));
				}
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Checked " + checked + " tributary.* properties against "
					+ loaded.map(KnownPropertyNames::size).orElse(0) + " known names in "
					+ (System.nanoTime() - start) / 1000 + " µs (metadata read in " + (loadedAt - start) / 1000
					+ " µs)");
		}
		if (!unknown.isEmpty()) {
			throw new UnknownPropertiesException(new ArrayList<>(unknown.values()));
		}
	}

	/**
	 * The elements of a {@code tributary.*} name, or {@code null} for any other name.
	 */
	private static @Nullable List<String> elements(String name, boolean fromEnvironment) {
		if (name.length() <= PREFIX.length() + 1 || !name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		char separator = name.charAt(PREFIX.length());
		if (separator == '.' || separator == '[') {
			ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
			List<String> elements = new ArrayList<>();
			for (int i = 0; i < adapted.getNumberOfElements(); i++) {
				elements.add(adapted.getElement(i, ConfigurationPropertyName.Form.ORIGINAL));
			}
			return (elements.size() > 1) ? elements : null;
		}
		if (fromEnvironment && separator == '_') {
			List<String> elements = Arrays.stream(name.toLowerCase(Locale.ROOT).split("_"))
				.filter((element) -> !element.isEmpty())
				.toList();
			return (elements.size() > 1) ? elements : null;
		}
		return null;
	}

	private static boolean isKclRuntime(List<String> uniform, @Nullable Object value) {
		return uniform.size() == 2 && uniform.get(1).equals("runtime") && value != null
				&& String.valueOf(value).trim().equalsIgnoreCase("kcl");
	}

	private static boolean isCommand(List<String> uniform) {
		return uniform.size() == 3 && uniform.get(2).equals("command");
	}

	private static String origin(PropertySource<?> source, String name) {
		Origin origin = OriginLookup.getOrigin(source, name);
		if (origin != null) {
			return origin.toString();
		}
		if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
			return "system property (-D" + name + ")";
		}
		if (source instanceof SystemEnvironmentPropertySource) {
			return "environment variable " + name;
		}
		return "property source '" + source.getName() + "'";
	}

}
