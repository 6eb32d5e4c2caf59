/**
 * The on-failure queues deploy resolves by name, and creates when absent.
 */
@NullMarked
package dev.tributary.deploy.sqs;

import org.jspecify.annotations.NullMarked;
