package dev.tributary.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Record fixture with one component per kind of type the mapping supports.
 */
record Order(@DynamoDbPartitionKey @DynamoDbAttribute("pk") String id, @DynamoDbSortKey long version,
		@Nullable String name, @Nullable BigDecimal price, int quantity, boolean express, double weight,
		@Nullable Integer rating, @Nullable Instant createdAt, @Nullable Status status, byte @Nullable [] payload,
		@Nullable SdkBytes blob, @Nullable List<String> tags, @Nullable Set<String> labels,
		@Nullable Set<Long> scores, @Nullable Set<SdkBytes> blobs, @Nullable Map<String, Integer> counts,
		@Nullable Address address, @Nullable List<Address> previousAddresses,
		@Nullable Map<String, Address> addressesByKind, @Nullable CustomerBean customer,
		@Nullable Shipment shipment, @DynamoDbIgnore @Nullable String note) {
}
