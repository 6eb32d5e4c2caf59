package dev.tributary.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.tributary.ProcessorDefinition;
import dev.tributary.SqsFanOut;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.StreamProcessorRegistry;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fails startup when an {@link SqsFanOut} sends to a queue that no processor declares in
 * {@code sendsTo}: deploy grants {@code sqs:SendMessage} only on declared queues, so such a
 * processor would run locally and then be refused by SQS in Lambda, record after record.
 *
 * @author Tributary
 */
class FanOutDeclarationCheck implements SmartInitializingSingleton {

	private final SqsFanOut fanOut;

	private final StreamProcessorRegistry registry;

	FanOutDeclarationCheck(SqsFanOut fanOut, StreamProcessorRegistry registry) {
		this.fanOut = fanOut;
		this.registry = registry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> declared = new TreeSet<>();
		for (ProcessorDefinition<?> processor : this.registry.getProcessors()) {
			processor.options().sendsTo().forEach((queue) -> declared.add(queue.name()));
		}
		List<SqsQueueDescriptor> undeclared = this.fanOut.targets()
			.stream()
			.filter((queue) -> !declared.contains(queue.name()))
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.toList();
		if (!undeclared.isEmpty()) {
			SqsQueueDescriptor queue = undeclared.get(0);
			String processors = String.join(", ",
					this.registry.getProcessors().stream().map(ProcessorDefinition::name).toList());
			throw new InvalidProcessorBindingException("sendsTo of the processor that forwards with SqsFanOut.to(\""
					+ queue.id() + "\")", queue.id(),
					"No processor declares that it sends to this queue, so deploy would not grant sqs:SendMessage on it "
							+ "and SQS would refuse every message in Lambda.",
					"Add sendsTo = \"" + queue.id() + "\" to the sending processor's annotation, or set "
							+ TributaryProperties.PREFIX + ".processors.<name>.sends-to=" + queue.id()
							+ " (processors: " + processors + ").");
		}
	}

}
