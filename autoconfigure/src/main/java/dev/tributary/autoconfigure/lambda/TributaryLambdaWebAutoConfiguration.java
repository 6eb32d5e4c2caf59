package dev.tributary.autoconfigure.lambda;

import dev.tributary.autoconfigure.local.AwsConnectionFactory;
import dev.tributary.aws.AwsConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.cloud.function.serverless.web.ServerlessMVC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the API function inside Lambda
 * ({@link dev.tributary.lambda.web.FunctionUrlHandler}, a servlet application without a server):
 * the AWS clients its controllers call, which outside Lambda the local runtime's auto-configuration
 * provides. They connect to AWS with the function's role (the SDK's default chains: the region and
 * credentials Lambda sets), or to {@code spring.cloud.aws.endpoint} when set. Processor functions
 * are not web applications and get none of this, so their cold start does not pay for it.
 *
 * @author Tributary
 */
@AutoConfiguration(beforeName = "dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration")
@Conditional(InsideLambdaCondition.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ ServerlessMVC.class, DynamoDbClient.class, UrlConnectionHttpClient.class })
public final class TributaryLambdaWebAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TributaryLambdaWebAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AwsConnection tributaryAwsConnection(Environment environment) {
		AwsConnection connection = AwsConnectionFactory.create(environment, null);
		logger.info("Tributary's API function connects to " + connection.description() + ", region "
				+ connection.region());
		return connection;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbClient dynamoDbClient(AwsConnection connection, Environment environment) {
		return AwsConnectionFactory.configure(DynamoDbClient.builder(), connection, environment)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

}
