/**
 * Build-time support for the Lambda deployment package: what the assembly descriptor cannot do
 * by itself.
 */
@NullMarked
package dev.tributary.assembly;

import org.jspecify.annotations.NullMarked;
