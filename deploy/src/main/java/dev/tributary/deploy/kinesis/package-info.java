/**
 * Kinesis data streams: creating, scaling and deleting the streams the application owns, and
 * checking that streams named by ARN exist.
 */
@NullMarked
package dev.tributary.deploy.kinesis;

import org.jspecify.annotations.NullMarked;
