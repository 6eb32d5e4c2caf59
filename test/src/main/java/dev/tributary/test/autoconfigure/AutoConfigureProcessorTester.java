package dev.tributary.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tributary.test.processor.ProcessorTester;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds a {@link ProcessorTester} bean to the application context of a test, over the
 * application's processors as Tributary discovered them: each runs over a Lambda event exactly
 * as it would inside AWS Lambda.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureProcessorTester
 * class ItemsProcessorTests {
 *
 *     &#64;Autowired
 *     ProcessorTester processors;
 * </pre>
 *
 * @author Tributary
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureProcessorTester {

}
