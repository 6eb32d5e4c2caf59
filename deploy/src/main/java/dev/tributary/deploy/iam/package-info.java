/**
 * Each function's execution role and its least-privilege inline policy.
 */
@NullMarked
package dev.tributary.deploy.iam;

import org.jspecify.annotations.NullMarked;
