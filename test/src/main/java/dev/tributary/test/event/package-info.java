/**
 * Builders for the records and Lambda events of each source, for tests: DynamoDB Streams
 * ({@link dev.tributary.test.event.DynamoDbEvents}), Kinesis
 * ({@link dev.tributary.test.event.KinesisEvents}) and SQS
 * ({@link dev.tributary.test.event.SqsEvents}). Each writes the event JSON Lambda sends with
 * Tributary's own codecs and builds the elements a processor receives with the runtimes' own
 * factories and mappers, so a test sees what the application would.
 */
@NullMarked
package dev.tributary.test.event;

import org.jspecify.annotations.NullMarked;
