package ${package};

import java.util.Map;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.TableDescriptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /items/{id}} stores the request body as the item's content: a change that the
 * {@code logItems} processor sees on the table's stream. Only in a web application: inside Lambda
 * the application runs without a web server, and Tributary defines no {@code DynamoDbClient} there.
 */
@RestController
@ConditionalOnWebApplication
public class ItemsController {

	private final DynamoDbClient dynamoDb;

	private final String tableName;

	public ItemsController(DynamoDbClient dynamoDb, StreamProcessorRegistry registry) {
		this.dynamoDb = dynamoDb;
		// The table's name in DynamoDB (tributary.tables.Items.name), which may differ per stage.
		this.tableName = registry.getTables()
			.stream()
			.filter((table) -> table.id().equals("Items"))
			.map(TableDescriptor::name)
			.findFirst()
			.orElse("Items");
	}

	@PutMapping("/items/{id}")
	public Item put(@PathVariable String id, @RequestBody String content) {
		this.dynamoDb.putItem((request) -> request.tableName(this.tableName)
			.item(Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS(content))));
		return new Item(id, content);
	}

}
