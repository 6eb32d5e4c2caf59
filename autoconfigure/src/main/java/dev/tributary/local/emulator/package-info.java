/**
 * Local AWS API emulators the local runtime starts when no endpoint is configured.
 */
@NullMarked
package dev.tributary.local.emulator;

import org.jspecify.annotations.NullMarked;
