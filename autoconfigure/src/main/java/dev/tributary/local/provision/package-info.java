/**
 * Creating the tables processors read from, with their streams, when they are absent.
 */
@NullMarked
package dev.tributary.local.provision;

import org.jspecify.annotations.NullMarked;
