package dev.tributary.deploy.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.deploy.DeployException;

import org.springframework.util.Assert;

/**
 * The tags that mark a resource as deploy's: application, stage and resource id. Deploy keeps
 * no local state; these tags, read back from AWS, are the state.
 *
 * @author Tributary
 */
public final class ManagedTags {

	/** Tag holding the application name. */
	public static final String APP = "tributary:app";

	/** Tag holding the stage. */
	public static final String STAGE = "tributary:stage";

	/** Tag holding the resource id, for example {@code function/itemsProcessor}. */
	public static final String RESOURCE = "tributary:resource";

	private final String app;

	private final String stage;

	/**
	 * Tags for an application and stage.
	 * @param app the application name
	 * @param stage the stage
	 */
	public ManagedTags(String app, String stage) {
		Assert.hasText(app, "'app' must not be empty");
		Assert.hasText(stage, "'stage' must not be empty");
		this.app = app;
		this.stage = stage;
	}

	/**
	 * The tags of one resource.
	 * @param resourceId the resource id
	 * @return the tags, in a stable order
	 */
	public Map<String, String> forResource(String resourceId) {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put(APP, this.app);
		tags.put(STAGE, this.stage);
		tags.put(RESOURCE, resourceId);
		return tags;
	}

	/**
	 * Whether a resource carries this application's and stage's tags.
	 * @param tags the resource's tags
	 * @return whether deploy made it
	 */
	public boolean isManaged(Map<String, String> tags) {
		return this.app.equals(tags.get(APP)) && this.stage.equals(tags.get(STAGE));
	}

	/**
	 * Refuse to change a resource that has the name deploy wants but that deploy did not make.
	 * @param type the resource type
	 * @param name the resource name
	 * @param tags its tags
	 * @throws DeployException if it lacks this application's and stage's tags
	 */
	public void requireManaged(String type, String name, Map<String, String> tags) {
		if (!isManaged(tags)) {
			throw new DeployException("The " + type + " '" + name + "' exists but was not created by Tributary for app '"
					+ this.app + "' stage '" + this.stage + "' (tags " + tags + "): rename the app or stage "
					+ "(spring.application.name, tributary.deploy.stage), or delete the " + type);
		}
	}

}
