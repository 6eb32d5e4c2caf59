/**
 * The application: the {@code Items} table, its stream processor and {@code PUT /items/{id}}.
 * Types here are non-null unless annotated {@code @Nullable} (JSpecify, as in Spring Framework).
 */
@NullMarked
package ${package};

import org.jspecify.annotations.NullMarked;
