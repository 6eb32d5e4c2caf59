package com.example.yamlapp;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

public record Item(@DynamoDbPartitionKey String id, String content) {
}
