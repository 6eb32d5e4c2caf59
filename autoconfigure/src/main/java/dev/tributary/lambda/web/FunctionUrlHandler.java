package dev.tributary.lambda.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.cloud.function.serverless.web.FunctionClassUtils;
import org.springframework.cloud.function.serverless.web.ServerlessHttpServletRequest;
import org.springframework.cloud.function.serverless.web.ServerlessHttpServletResponse;
import org.springframework.cloud.function.serverless.web.ServerlessMVC;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;

/**
 * The Lambda handler of the application's HTTP API: serves function URL requests (the HTTP API
 * payload format 2.0) with the application's Spring MVC controllers, through Spring Cloud
 * Function's {@link ServerlessMVC}, with no web server.
 * <p>
 * The application starts in the constructor, during Lambda's init phase, as a servlet
 * application (Tributary otherwise makes an application inside Lambda a non-web one); Spring
 * Cloud Function's serverless web support replaces the web server. Each invocation reads the
 * event into a servlet request, runs it through the application's filters and
 * {@code DispatcherServlet}, and writes the response. An exception in a controller becomes the
 * application's error response (Spring Boot's: a 500 without stack trace); an event that is not a
 * function URL request fails the invocation with a {@link FunctionUrlEventException}.
 *
 * @author Tributary
 */
public class FunctionUrlHandler implements RequestStreamHandler {

	private static final Log logger = LogFactory.getLog(FunctionUrlHandler.class);

	private final ServerlessMVC mvc;

	private final FunctionUrlRequests requests;

	private final FunctionUrlResponses responses;

	/**
	 * Start the application named by the {@code MAIN_CLASS} environment variable (or the
	 * manifest's {@code Start-Class}), as Lambda's Java runtime does when it loads the handler.
	 */
	public FunctionUrlHandler() {
		this(FunctionClassUtils.getStartClass());
	}

	/**
	 * Start an application.
	 * @param applicationClass the application's class
	 */
	public FunctionUrlHandler(Class<?> applicationClass) {
		this(start(applicationClass));
	}

	/**
	 * Serve with an application that runs already.
	 * @param context the application's context, a servlet web application context
	 */
	public FunctionUrlHandler(ConfigurableApplicationContext context) {
		Assert.isInstanceOf(ServletWebServerApplicationContext.class, context,
				"The API function needs a servlet web application context (Spring MVC with "
						+ "spring-cloud-function-serverless-web on the class path)");
		this.mvc = ServerlessMVC.INSTANCE((ServletWebServerApplicationContext) context);
		JsonMapper mapper = JsonMapper.builder().build();
		this.requests = new FunctionUrlRequests(mapper);
		this.responses = new FunctionUrlResponses(mapper);
	}

	private static ConfigurableApplicationContext start(Class<?> applicationClass) {
		Assert.notNull(applicationClass, "'applicationClass' must not be null");
		// A command-line argument outranks Tributary's Lambda default (a non-web application).
		return SpringApplication.run(applicationClass, "--spring.main.web-application-type=servlet");
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, @Nullable Context context) throws IOException {
		ServerlessHttpServletRequest request = this.requests.read(input.readAllBytes(),
				this.mvc.getServletContext());
		ServerlessHttpServletResponse response = new ServerlessHttpServletResponse();
		byte[] answer;
		try {
			this.mvc.service(request, response);
			answer = this.responses.write(response);
		}
		catch (Exception ex) {
			// The application's own error handling failed too: answer without its details.
			logger.error("Request " + request.getMethod() + " " + request.getRequestURI() + " failed", ex);
			answer = this.responses.internalError();
		}
		output.write(answer);
		output.flush();
	}

	/**
	 * The running application's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext getApplicationContext() {
		return this.mvc.getApplicationContext();
	}

}
