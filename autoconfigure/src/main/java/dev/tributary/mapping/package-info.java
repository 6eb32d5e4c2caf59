/**
 * Mapping DynamoDB item images to a processor's record type: raw attribute maps, plain maps,
 * Jackson trees, Java records and classes the SDK's Enhanced Client maps. Start at
 * {@link dev.tributary.mapping.ImageMappers}; {@link dev.tributary.mapping.RecordTableSchemas}
 * also lets applications write records with the Enhanced Client.
 */
@NullMarked
package dev.tributary.mapping;

import org.jspecify.annotations.NullMarked;
