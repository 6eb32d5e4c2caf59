/**
 * Test support: a hand-built registry, a call recorder and test artifacts.
 */
@NullMarked
package dev.tributary.deploy.support;

import org.jspecify.annotations.NullMarked;
