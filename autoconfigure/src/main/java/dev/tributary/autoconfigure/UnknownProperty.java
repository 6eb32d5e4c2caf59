package dev.tributary.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code tributary.*} property no Tributary module on the class path knows.
 *
 * @param name the name as written
 * @param origin where it was set
 * @param suggestion the closest valid name, if one is close
 * @param note why the name is unknown, when there is more to say than a misspelling
 * @author Tributary
 */
record UnknownProperty(String name, String origin, @Nullable String suggestion, @Nullable String note) {

	String describe() {
		StringBuilder line = new StringBuilder(this.name).append(" (from ").append(this.origin).append(")");
		if (this.note != null) {
			line.append(": ").append(this.note);
		}
		else if (this.suggestion != null) {
			line.append(": did you mean ").append(this.suggestion).append("?");
		}
		else {
			line.append(": no Tributary property is close to it");
		}
		return line.toString();
	}

}
