package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.ResourceKind;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Builds the {@link HttpApiDefinition} from {@link HttpApiProperties}, refusing what would grant
 * more than named: wildcards, service prefixes and empty action lists.
 *
 * @author Tributary
 */
final class HttpApiDefinitions {

	// An IAM action name: letters only, starting with a capital (PutItem, SendMessage).
	private static final Pattern ACTION = Pattern.compile("[A-Z][A-Za-z]*");

	private static final Duration MAX_AGE_LIMIT = Duration.ofDays(1);

	private HttpApiDefinitions() {
	}

	static HttpApiDefinition of(HttpApiProperties properties, Environment environment) {
		List<AccessGrant> access = new ArrayList<>();
		grants(ResourceKind.TABLE, "tables", properties.getAccess().getTables(), environment, access);
		grants(ResourceKind.QUEUE, "queues", properties.getAccess().getQueues(), environment, access);
		HttpApiProperties.Cors cors = properties.getUrl().getCors();
		Duration maxAge = cors.getMaxAge();
		if (maxAge != null && (maxAge.isNegative() || maxAge.compareTo(MAX_AGE_LIMIT) > 0)) {
			throw new InvalidConfigurationPropertyValueException(HttpApiProperties.PREFIX + ".url.cors.max-age", maxAge,
					"A function URL's CORS max age is between 0 and 24 hours, such as 1h");
		}
		HttpApiDefinition.Cors definedCors = cors.getAllowedOrigins().isEmpty() ? null
				: new HttpApiDefinition.Cors(cors.getAllowedOrigins(), cors.getAllowedMethods(),
						cors.getAllowedHeaders(), cors.getExposedHeaders(), cors.isAllowCredentials(), maxAge);
		return new HttpApiDefinition(properties.getEnabled(), properties.getUrl().getAuthType(), definedCors, access);
	}

	private static void grants(ResourceKind kind, String group, Map<String, List<String>> declared,
			Environment environment, List<AccessGrant> access) {
		declared.forEach((id, actions) -> {
			String property = HttpApiProperties.PREFIX + ".access." + group + "." + id;
			List<String> names = actions.stream().map(String::trim).filter((action) -> !action.isEmpty()).toList();
			if (names.isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(property, actions,
						"Name the " + kind.service() + " actions the API needs on it, such as "
								+ example(kind) + "; remove the property to grant none");
			}
			for (String action : names) {
				if (!ACTION.matcher(action).matches()) {
					throw new InvalidConfigurationPropertyValueException(property, String.join(",", actions),
							"'" + action + "' is not an action name: name each action exactly, without the '"
									+ kind.service() + ":' prefix and without wildcards, such as " + example(kind));
				}
			}
			String name = environment.getProperty("tributary." + group + "." + id + ".name", id);
			access.add(new AccessGrant(kind, id, name, names.stream().distinct().toList()));
		});
	}

	private static String example(ResourceKind kind) {
		return (kind == ResourceKind.TABLE) ? "PutItem,GetItem" : "SendMessage";
	}

}
