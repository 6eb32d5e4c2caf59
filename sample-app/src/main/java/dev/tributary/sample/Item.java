package dev.tributary.sample;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A row of the {@code Items} table. The partition key annotation gives Tributary the table's key
 * schema.
 *
 * @param id the item's id (partition key)
 * @param content the item's content
 * @author Tributary
 */
public record Item(@DynamoDbPartitionKey String id, String content) {

}
