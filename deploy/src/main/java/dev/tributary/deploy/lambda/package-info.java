/**
 * The functions, their code and their event source mappings.
 */
@NullMarked
package dev.tributary.deploy.lambda;

import org.jspecify.annotations.NullMarked;
