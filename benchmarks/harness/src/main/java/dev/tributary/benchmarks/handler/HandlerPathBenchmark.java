package dev.tributary.benchmarks.handler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.benchmarks.events.EventFiles;
import dev.tributary.benchmarks.mapping.Item;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.DynamoDbStreamEvent;
import dev.tributary.mapping.ImageMappers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.ResolvableType;

/**
 * One 100-record event of ~1 KB records, split into the two halves of an invocation:
 * <ul>
 * <li>parse: Tributary's streaming codec ({@code DynamoDbEventCodec}) into SDK records (S) against Lambda's event
 * serializer into {@code DynamodbEvent} (B0, what the Java runtime does for a
 * {@code RequestHandler});</li>
 * <li>dispatch: {@link BatchInvoker} with the sample app's {@code forEach} processor, mapping both
 * images to a record (S), against the plain handler's loop (B0).</li>
 * </ul>
 * Scores are per event; divide by 100 for a record.
 *
 * @author Tributary
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerPathBenchmark {

	/** Records per event. */
	public static final int RECORDS = 100;

	private final DynamoDbEventCodec codec = new DynamoDbEventCodec();

	private final PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers
		.serializerFor(DynamodbEvent.class, HandlerPathBenchmark.class.getClassLoader());

	// Set up per trial, in setUp.
	private byte[] event;

	private DynamoDbStreamEvent parsed;

	private DynamodbEvent plainParsed;

	private BatchInvoker<Record, StreamRecord<Item>> invoker;

	@Setup
	public void setUp(Blackhole blackhole) {
		this.event = EventFiles.insertsJson(RECORDS).getBytes(StandardCharsets.UTF_8);
		this.parsed = tributaryParse();
		this.plainParsed = plainParse();
		this.invoker = invoker(blackhole);
	}

	@Benchmark
	public DynamoDbStreamEvent tributaryParse() {
		return this.codec.read(new ByteArrayInputStream(this.event));
	}

	@Benchmark
	public DynamodbEvent plainParse() {
		return this.serializer.fromJson(new ByteArrayInputStream(this.event));
	}

	@Benchmark
	public BatchOutcome tributaryDispatch() {
		return this.invoker.invoke(this.parsed.records(), this.parsed.eventSourceArn(), null);
	}

	@Benchmark
	public void plainDispatch(Blackhole blackhole) {
		for (DynamodbEvent.DynamodbStreamRecord record : this.plainParsed.getRecords()) {
			Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = record
				.getDynamodb()
				.getNewImage();
			Item item = new Item(image.get("id").getS(), image.get("content").getS());
			blackhole.consume(record.getEventName() + ": " + record.getDynamodb().getKeys().get("id").getS() + " -> "
					+ item.content());
		}
	}

	private static BatchInvoker<Record, StreamRecord<Item>> invoker(Blackhole blackhole) {
		TableDescriptor table = new TableDescriptor("Items", "Items", new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		DynamoDbStreamBinding binding = new DynamoDbStreamBinding(table,
				DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_AND_OLD_IMAGES));
		StreamProcessorDefinition<Item> processor = new StreamProcessorDefinition<>("logItems", binding,
				ProcessorOptions.defaults(), ResolvableType.forClass(Item.class),
				ImageMappers.forType(ResolvableType.forClass(Item.class)),
				StreamProcessors.forEach((record) -> blackhole.consume(record.eventName() + ": "
						+ record.keys().get("id").s() + " -> " + record.newImage().map(Item::content).orElse("(deleted)"))));
		return DynamoDbSourceType.invoker(processor, Duration.ofSeconds(1), Clock.systemUTC());
	}

}
