package com.example.items;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One item of the {@code Items} table.
 *
 * @param id the item's key
 * @param content what it holds
 */
public record Item(@DynamoDbPartitionKey String id, String content) {

}
