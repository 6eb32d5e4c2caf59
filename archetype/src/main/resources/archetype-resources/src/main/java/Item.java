package ${package};

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An item of the {@code Items} table. The partition key annotation gives Tributary the table's key
 * schema, which the embedded emulator and deploy create the table with.
 *
 * @param id the item's id (partition key)
 * @param content the item's content
 */
public record Item(@DynamoDbPartitionKey String id, String content) {

}
