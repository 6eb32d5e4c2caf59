/**
 * Running stream processors inside AWS Lambda behind Spring Cloud Function's
 * {@code FunctionInvoker}: parsing the DynamoDB Streams event, invoking a processor on it and
 * reporting batch item failures.
 */
@NullMarked
package dev.tributary.lambda;

import org.jspecify.annotations.NullMarked;
