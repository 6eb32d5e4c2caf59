/**
 * The plan: what deploy or destroy changes, per resource, and its rendering as a table.
 */
@NullMarked
package dev.tributary.deploy.plan;

import org.jspecify.annotations.NullMarked;
