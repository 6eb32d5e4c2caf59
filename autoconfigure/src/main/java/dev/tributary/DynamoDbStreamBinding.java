package dev.tributary;

import org.springframework.util.Assert;

/**
 * A processor bound to a DynamoDB table's stream.
 *
 * @param table the table whose stream feeds the processor
 * @param options the DynamoDB stream settings of the processor
 * @author Tributary
 */
public record DynamoDbStreamBinding(TableDescriptor table, DynamoDbStreamOptions options) implements SourceBinding {

	public DynamoDbStreamBinding {
		Assert.notNull(table, "'table' must not be null");
		Assert.notNull(options, "'options' must not be null");
	}

	/**
	 * The DynamoDB binding of a processor, for code that only handles DynamoDB streams.
	 * @param processor the processor
	 * @return its binding
	 * @throws IllegalStateException if the processor reads another kind of source
	 */
	public static DynamoDbStreamBinding of(ProcessorDefinition<?> processor) {
		Assert.notNull(processor, "'processor' must not be null");
		if (processor.binding() instanceof DynamoDbStreamBinding binding) {
			return binding;
		}
		throw new IllegalStateException("Processor '" + processor.name() + "' reads "
				+ processor.binding().describe() + ", not a DynamoDB table's stream");
	}

	@Override
	public String describe() {
		return "table '" + this.table.id() + "'";
	}

}
