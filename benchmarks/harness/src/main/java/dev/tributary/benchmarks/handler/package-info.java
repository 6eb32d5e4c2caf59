/**
 * JMH benchmarks of the two halves of a Lambda invocation, parsing the event and dispatching its
 * records, for Tributary (S) and for the plain handler (B0).
 */
@NullMarked
package dev.tributary.benchmarks.handler;

import org.jspecify.annotations.NullMarked;
