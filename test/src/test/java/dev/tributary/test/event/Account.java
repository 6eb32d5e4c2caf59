package dev.tributary.test.event;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A {@code @DynamoDbBean} with a partition and a sort key.
 */
@DynamoDbBean
public class Account {

	private String owner;

	private String name;

	private long balance;

	public Account() {
	}

	Account(String owner, String name, long balance) {
		this.owner = owner;
		this.name = name;
		this.balance = balance;
	}

	@DynamoDbPartitionKey
	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	@DynamoDbSortKey
	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public long getBalance() {
		return this.balance;
	}

	public void setBalance(long balance) {
		this.balance = balance;
	}

}
