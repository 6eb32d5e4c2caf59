package dev.tributary.benchmarks.baseline.spring;

import java.util.Map;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * B1 for the API function's cold start: the sample's {@code GET /items/{id}} as a plain Spring
 * Cloud Function bean on the function URL event ({@code APIGatewayV2HTTPEvent}), with no Spring
 * MVC and no Tributary: it reads the item with the SDK and answers 200 with its JSON or 404.
 * Only with {@code baseline.api=true}, so that the stream benchmarks' B1 is unchanged.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baseline.api", havingValue = "true")
public class ItemsApiConfiguration {

	@Bean
	DynamoDbClient dynamoDbClient(Environment environment) {
		DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
		String endpoint = environment.getProperty("spring.cloud.aws.endpoint");
		if (endpoint != null) {
			builder.endpointOverride(java.net.URI.create(endpoint));
		}
		return builder.build();
	}

	@Bean
	public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> itemsApi(DynamoDbClient dynamoDb,
			Environment environment) {
		String table = environment.getProperty("tributary.tables.Items.name", "Items");
		return (event) -> {
			String path = event.getRawPath();
			if (!"GET".equals(event.getRequestContext().getHttp().getMethod()) || !path.startsWith("/items/")) {
				return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
			}
			String id = path.substring("/items/".length());
			Map<String, AttributeValue> item = dynamoDb
				.getItem((request) -> request.tableName(table).key(Map.of("id", AttributeValue.fromS(id))))
				.item();
			if (item == null || item.isEmpty()) {
				return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
			}
			return APIGatewayV2HTTPResponse.builder()
				.withStatusCode(200)
				.withHeaders(Map.of("Content-Type", "application/json"))
				.withBody("{\"id\":\"" + id + "\",\"content\":\"" + item.get("content").s() + "\"}")
				.build();
		};
	}

}
