/**
 * Auto-configuration of the local runtime: the embedded emulator, the AWS connection and
 * clients, and the stream runtime with its metrics and Actuator endpoint.
 */
@NullMarked
package dev.tributary.autoconfigure.local;

import org.jspecify.annotations.NullMarked;
