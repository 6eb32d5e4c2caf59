package dev.tributary.mapping;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * {@code @DynamoDbImmutable} fixture, public because the SDK's introspection requires it.
 */
@DynamoDbImmutable(builder = Shipment.Builder.class)
public final class Shipment {

	private final String trackingId;

	private final long weightGrams;

	private Shipment(Builder builder) {
		this.trackingId = builder.trackingId;
		this.weightGrams = builder.weightGrams;
	}

	public static Builder builder() {
		return new Builder();
	}

	@DynamoDbPartitionKey
	public String trackingId() {
		return this.trackingId;
	}

	public long weightGrams() {
		return this.weightGrams;
	}

	/**
	 * Builder the SDK uses to create shipments.
	 */
	public static final class Builder {

		private String trackingId;

		private long weightGrams;

		public Builder trackingId(String trackingId) {
			this.trackingId = trackingId;
			return this;
		}

		public Builder weightGrams(long weightGrams) {
			this.weightGrams = weightGrams;
			return this;
		}

		public Shipment build() {
			return new Shipment(this);
		}

	}

}
