/**
 * Creating the tables processors read from, with their streams, when they are absent; and
 * creating (in the embedded emulator) or checking (elsewhere) their on-failure queues and topics.
 */
@NullMarked
package dev.tributary.local.provision;

import org.jspecify.annotations.NullMarked;
