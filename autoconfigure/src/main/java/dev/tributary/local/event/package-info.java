/**
 * DynamoDB stream records in the JSON shape of Lambda's event, for filters and failure messages.
 */
@NullMarked
package dev.tributary.local.event;

import org.jspecify.annotations.NullMarked;
