/**
 * Each function's log group, and reading its log events.
 */
@NullMarked
package dev.tributary.deploy.logs;

import org.jspecify.annotations.NullMarked;
