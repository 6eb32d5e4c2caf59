package dev.tributary.sample;

import java.util.Map;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.TableDescriptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API over the {@code Items} table: {@code PUT /items/{id}} stores the request
 * body as the item's content, {@code GET /items/{id}} reads it back, {@code DELETE /items/{id}}
 * removes it. Each PUT and DELETE is a change the {@code logItems} processor sees on the table's
 * stream.
 * <p>
 * A bean in web applications only: locally (on Tomcat) and in the API function on Lambda
 * ({@code FunctionUrlHandler}), not in the processors' functions, which are not web applications.
 *
 * @author Tributary
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/items")
public class ItemsController {

	private final DynamoDbClient dynamoDb;

	private final String tableName;

	public ItemsController(DynamoDbClient dynamoDb, StreamProcessorRegistry registry) {
		this.dynamoDb = dynamoDb;
		// The registry knows the table's physical name for this stage (tributary.tables.Items.name).
		this.tableName = registry.getTables()
			.stream()
			.filter((table) -> table.id().equals("Items"))
			.map(TableDescriptor::name)
			.findFirst()
			.orElse("Items");
	}

	@PutMapping("/{id}")
	public ResponseEntity<Item> put(@PathVariable String id, @RequestBody String content) {
		this.dynamoDb.putItem((request) -> request.tableName(this.tableName)
			.item(Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS(content))));
		return ResponseEntity.ok(new Item(id, content));
	}

	@GetMapping("/{id}")
	public ResponseEntity<Item> get(@PathVariable String id) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((request) -> request.tableName(this.tableName).key(Map.of("id", AttributeValue.fromS(id))))
			.item();
		if (item == null || item.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(new Item(id, item.get("content").s()));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable String id) {
		this.dynamoDb
			.deleteItem((request) -> request.tableName(this.tableName).key(Map.of("id", AttributeValue.fromS(id))));
		return ResponseEntity.noContent().build();
	}

}
