/**
 * Running stream processors inside AWS Lambda behind Spring Cloud Function's
 * {@code FunctionInvoker}: reading the event with the source's codec, invoking a processor on it
 * through the batch core and reporting batch item failures.
 */
@NullMarked
package dev.tributary.lambda;

import org.jspecify.annotations.NullMarked;
