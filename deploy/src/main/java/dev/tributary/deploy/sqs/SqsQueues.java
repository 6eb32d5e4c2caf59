package dev.tributary.deploy.sqs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The read calls on one SQS queue that planning makes.
 *
 * @author Tributary
 */
final class SqsQueues {

	private SqsQueues() {
	}

	/**
	 * The queue's URL, by name in the caller's account.
	 */
	static Optional<String> url(SqsClient sqs, String name) {
		try {
			return Optional.of(sqs.getQueueUrl((request) -> request.queueName(name)).queueUrl());
		}
		catch (QueueDoesNotExistException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The queue's URL, by name in an account that may be another one (a queue named by ARN).
	 */
	static Optional<String> url(SqsClient sqs, String name, String accountId) {
		try {
			return Optional.of(sqs.getQueueUrl((request) -> request.queueName(name).queueOwnerAWSAccountId(accountId))
				.queueUrl());
		}
		catch (QueueDoesNotExistException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every attribute of the queue, by the API's attribute names.
	 */
	static Map<String, String> attributes(SqsClient sqs, String url) {
		return sqs.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
			.attributesAsStrings();
	}

	/**
	 * The queue's ARN.
	 */
	static String arn(SqsClient sqs, String url) {
		return sqs
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	/**
	 * The queue's tags.
	 */
	static Map<String, String> tags(SqsClient sqs, String url) {
		return sqs.listQueueTags((request) -> request.queueUrl(url)).tags();
	}

	/**
	 * The URLs of the queues whose redrive policy moves messages to this one.
	 */
	static List<String> deadLetterSources(SqsClient sqs, String url) {
		return sqs.listDeadLetterSourceQueuesPaginator((request) -> request.queueUrl(url)).queueUrls().stream().toList();
	}

	/**
	 * A queue's name, the last part of its URL.
	 */
	static String nameOfUrl(String url) {
		return url.substring(url.lastIndexOf('/') + 1);
	}

}
