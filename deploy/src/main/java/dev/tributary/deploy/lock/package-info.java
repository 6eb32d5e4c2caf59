/**
 * The lock that keeps two deploys of one app and stage from applying at once.
 */
@NullMarked
package dev.tributary.deploy.lock;

import org.jspecify.annotations.NullMarked;
