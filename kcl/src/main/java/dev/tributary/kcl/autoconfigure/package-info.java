/**
 * Auto-configuration of the KCL runtime ({@code tributary.runtime=kcl}).
 */
@NullMarked
package dev.tributary.kcl.autoconfigure;

import org.jspecify.annotations.NullMarked;
