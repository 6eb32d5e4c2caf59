/**
 * SQS queues: the on-failure queues deploy resolves by name and creates when absent, and the
 * queues SQS processors read, with their dead-letter queues and redrive policies (created,
 * updated and deleted only when this app and stage created them; queues named by ARN are only
 * checked to exist).
 */
@NullMarked
package dev.tributary.deploy.sqs;

import org.jspecify.annotations.NullMarked;
