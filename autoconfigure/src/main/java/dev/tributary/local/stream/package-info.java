/**
 * The slice of the DynamoDB Streams API the local runtime uses, behind an interface of our own so that shard lineage, expiry, trimming and throttling can be tested with a fake.
 */
@NullMarked
package dev.tributary.local.stream;

import org.jspecify.annotations.NullMarked;
