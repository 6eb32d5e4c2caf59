package dev.tributary.mapping;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;

/**
 * Nested record fixture.
 *
 * @param street the street
 * @param city the city, stored as {@code town}
 * @param zip a number, to provoke conversion failures
 */
record Address(String street, @DynamoDbAttribute("town") String city, int zip) {
}
