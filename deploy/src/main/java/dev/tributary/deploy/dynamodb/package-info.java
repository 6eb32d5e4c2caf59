/**
 * The processors' tables and their streams.
 */
@NullMarked
package dev.tributary.deploy.dynamodb;

import org.jspecify.annotations.NullMarked;
