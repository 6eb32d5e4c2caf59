package dev.tributary.deploy.plan;

/**
 * What a plan does to one resource.
 *
 * @author Tributary
 */
public enum Action {

	/** The resource does not exist and will be created. */
	CREATE("+", "create"),

	/** The resource exists and some of its fields change in place. */
	UPDATE("~", "update"),

	/** The resource must be deleted and created again; see the change's consequence. */
	REPLACE("!", "replace"),

	/** The resource will be deleted. */
	DELETE("-", "delete"),

	/** The resource is as desired; nothing is called. */
	UNCHANGED("=", "unchanged");

	private final String symbol;

	private final String label;

	Action(String symbol, String label) {
		this.symbol = symbol;
		this.label = label;
	}

	/**
	 * One-character marker for the plan table.
	 * @return the marker
	 */
	public String symbol() {
		return this.symbol;
	}

	/**
	 * Lowercase word for the plan table.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Whether applying this action calls a mutating API.
	 * @return {@code false} only for {@link #UNCHANGED}
	 */
	public boolean mutates() {
		return this != UNCHANGED;
	}

}
