package dev.tributary.benchmarks.mapping;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.tributary.ImageMapper;
import dev.tributary.mapping.ImageMappers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

/**
 * Mapping one ~1 KB image (the throughput events' image): Tributary's mapper for a Java record
 * and for a bean, against the Enhanced Client's {@link TableSchema} called directly, and
 * hand-written code as the floor.
 *
 * @author Tributary
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ImageMappingBenchmark {

	private Map<String, AttributeValue> image = Map.of();

	private ImageMapper<Item> tributaryRecord = (image) -> new Item("", "");

	private ImageMapper<BeanItem> tributaryBean = (image) -> new BeanItem();

	private TableSchema<ImmutableItem> enhancedImmutable = TableSchema.fromImmutableClass(ImmutableItem.class);

	private TableSchema<BeanItem> enhancedBean = TableSchema.fromBean(BeanItem.class);

	@Setup
	public void setUp() {
		this.image = Map.of("id", AttributeValue.fromS("item-42"), "content",
				AttributeValue.fromS("lorem ipsum 42 ".repeat(67).substring(0, 1000)));
		this.tributaryRecord = ImageMappers.forType(ResolvableType.forClass(Item.class));
		this.tributaryBean = ImageMappers.forType(ResolvableType.forClass(BeanItem.class));
	}

	@Benchmark
	public Item handWritten() {
		return new Item(this.image.get("id").s(), this.image.get("content").s());
	}

	@Benchmark
	public Item tributaryRecord() {
		return this.tributaryRecord.map(this.image);
	}

	@Benchmark
	public ImmutableItem enhancedImmutable() {
		return this.enhancedImmutable.mapToItem(this.image);
	}

	@Benchmark
	public BeanItem tributaryBean() {
		return this.tributaryBean.map(this.image);
	}

	@Benchmark
	public BeanItem enhancedBean() {
		return this.enhancedBean.mapToItem(this.image);
	}

}
