package dev.tributary.benchmarks.mapping;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The sample app's {@code Items} row as a Java record, mapped by Tributary.
 *
 * @param id the item's id
 * @param content the item's content
 * @author Tributary
 */
public record Item(@DynamoDbPartitionKey String id, String content) {

}
