/**
 * How Tributary reaches AWS (or an emulator): one endpoint, region and credentials shared by
 * every client it builds.
 */
@NullMarked
package dev.tributary.aws;

import org.jspecify.annotations.NullMarked;
