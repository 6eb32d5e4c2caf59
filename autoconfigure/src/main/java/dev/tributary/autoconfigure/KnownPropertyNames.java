package dev.tributary.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Every valid {@code tributary.*} property name of the modules on the class path, read from their
 * configuration metadata, and the closest valid name to a misspelled one.
 *
 * @author Tributary
 */
final class KnownPropertyNames {

	static final String AUTOCONFIGURE_ANCHOR = "dev/tributary/autoconfigure/TributaryProperties.class";

	static final String DEPLOY_ANCHOR = "dev/tributary/deploy/autoconfigure/DeployProperties.class";

	static final String DEPLOY_GROUP = "deploy";

	static final String KCL_ANCHOR = "dev/tributary/kcl/autoconfigure/KclProperties.class";

	private static final int MAX_DISTANCE = 3;

	private final List<PropertyPattern> patterns;

	private final boolean deployPresent;

	private final boolean deployKnown;

	private final Set<String> groups = new LinkedHashSet<>();

	KnownPropertyNames(List<PropertyPattern> patterns, boolean deployPresent, boolean deployKnown) {
		this.patterns = List.copyOf(patterns);
		this.deployPresent = deployPresent;
		this.deployKnown = deployKnown;
		this.groups.add(DEPLOY_GROUP);
		this.patterns.stream()
			.filter((pattern) -> pattern.elements().size() > 1)
			.forEach((pattern) -> this.groups.add(PropertyPattern.uniform(pattern.elements().get(1))));
	}

	/**
	 * Read the names of the Tributary modules on the class path.
	 * @param classLoader the class loader
	 * @return the names, empty when the auto-configuration's metadata cannot be found (the check
	 * is then skipped rather than failing on valid names)
	 */
	static Optional<KnownPropertyNames> load(ClassLoader classLoader) {
		Optional<List<PropertyPattern>> own = ConfigurationMetadataPatterns.load(classLoader, AUTOCONFIGURE_ANCHOR);
		if (own.isEmpty() || own.get().isEmpty()) {
			return Optional.empty();
		}
		List<PropertyPattern> patterns = new ArrayList<>(own.get());
		boolean deployPresent = classLoader.getResource(DEPLOY_ANCHOR) != null;
		Optional<List<PropertyPattern>> deploy = deployPresent
				? ConfigurationMetadataPatterns.load(classLoader, DEPLOY_ANCHOR) : Optional.empty();
		deploy.ifPresent(patterns::addAll);
		if (classLoader.getResource(KCL_ANCHOR) != null) {
			ConfigurationMetadataPatterns.load(classLoader, KCL_ANCHOR).ifPresent(patterns::addAll);
		}
		return Optional.of(new KnownPropertyNames(patterns, deployPresent, deploy.isPresent()));
	}

	boolean isDeployPresent() {
		return this.deployPresent;
	}

	int size() {
		return this.patterns.size();
	}

	/**
	 * Whether the second element of a name is a group of Tributary's properties
	 * ({@code processors}, {@code local}, ...).
	 * @param group the element, in uniform form
	 * @return whether it is a known group
	 */
	boolean isGroup(String group) {
		return this.groups.contains(group);
	}

	/**
	 * Whether a name is valid.
	 * @param name the name's elements, in uniform form
	 * @param relaxed whether the name comes from an environment variable
	 * @return whether a property of that name exists
	 */
	boolean isKnown(List<String> name, boolean relaxed) {
		if (name.size() > 1 && name.get(1).equals(DEPLOY_GROUP) && this.deployPresent && !this.deployKnown) {
			// Deploy is there but its metadata is not (a shaded jar): accept its names unchecked.
			return true;
		}
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(name, relaxed));
	}

	/**
	 * The valid name closest to a misspelled one: by edit distance, or else one with the same
	 * last element in another place.
	 * @param name the name's elements as written
	 * @return the closest valid name, or {@code null} when none is close
	 */
	@Nullable String closest(List<String> name) {
		String written = String.join("", name.stream().map(PropertyPattern::uniform).toList());
		String last = PropertyPattern.uniform(name.get(name.size() - 1));
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String sameLast = null;
		for (PropertyPattern pattern : this.patterns) {
			String candidate = pattern.instantiate(name);
			int distance = distance(written, PropertyPattern.uniform(candidate.replace(".", "")));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
			List<String> elements = pattern.elements();
			if (sameLast == null && PropertyPattern.uniform(elements.get(elements.size() - 1)).equals(last)) {
				sameLast = candidate;
			}
		}
		return (bestDistance <= MAX_DISTANCE) ? best : sameLast;
	}

	/**
	 * Edit distance counting an exchange of two neighbours as one edit (optimal string alignment).
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
