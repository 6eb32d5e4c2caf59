/**
 * Names of deployed resources, derived from application, stage and processor within AWS's limits.
 */
@NullMarked
package dev.tributary.deploy.naming;

import org.jspecify.annotations.NullMarked;
