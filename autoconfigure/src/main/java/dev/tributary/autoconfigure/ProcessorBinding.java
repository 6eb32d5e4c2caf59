package dev.tributary.autoconfigure;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;

/**
 * One processor's resolved binding: the table it reads, its DynamoDB stream options and its
 * common options.
 *
 * @param processor the processor's bean name
 * @param table the bound table id, with where it came from
 * @param stream the validated DynamoDB stream options
 * @param options the validated common options
 * @author Tributary
 */
record ProcessorBinding(String processor, BoundValue<String> table, DynamoDbStreamOptions stream,
		ProcessorOptions options) {

}
