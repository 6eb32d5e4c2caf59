/**
 * Test support: deploy's clients and engine against the emulator, a hand-built registry, a call
 * recorder and test artifacts.
 */
@NullMarked
package dev.tributary.deploy.support;

import org.jspecify.annotations.NullMarked;
