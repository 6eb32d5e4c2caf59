/**
 * Auto-configuration of processor discovery: binding {@code @DynamoDbStreamProcessor} beans and
 * {@code tributary.*} properties into the {@code StreamProcessorRegistry}.
 */
@NullMarked
package dev.tributary.autoconfigure;

import org.jspecify.annotations.NullMarked;
