/**
 * Deploy: provisions the processors of a {@link dev.tributary.StreamProcessorRegistry} on AWS with direct API calls, idempotently, from a plan computed against the tagged resources that already exist.
 */
@NullMarked
package dev.tributary.deploy;

import org.jspecify.annotations.NullMarked;
