/**
 * One AWS API emulator ({@code moto_server}) for a whole test run, shared by every test class:
 * {@link dev.tributary.test.emulator.MotoEmulator}, and the JUnit extension that resolves it.
 */
@NullMarked
package dev.tributary.test.emulator;

import org.jspecify.annotations.NullMarked;
