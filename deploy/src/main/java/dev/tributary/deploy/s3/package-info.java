/**
 * The bucket deploy owns for artifacts too large for a direct upload.
 */
@NullMarked
package dev.tributary.deploy.s3;

import org.jspecify.annotations.NullMarked;
