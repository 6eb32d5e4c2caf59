package dev.tributary.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tributary.test.emulator.MotoEmulator;
import dev.tributary.test.emulator.MotoEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connects the application of a {@code @SpringBootTest} to the test run's shared
 * {@link MotoEmulator} instead of an emulator of its own: {@code spring.cloud.aws.endpoint}
 * points at it (with its region and dummy credentials), so Tributary starts no embedded
 * emulator, and every application context of the run, however many the test classes need, uses
 * the one {@code moto_server}. The emulator is a bean of the context. Checkpoints are kept in
 * memory ({@code tributary.local.checkpoints.store=memory}) unless the application or test sets
 * the store: the emulator outlives each context, and a checkpoint left there would make the next
 * context resume where another one stopped.
 * <p>
 * The emulator is found or started by {@link MotoEmulator#shared()}'s rules:
 * {@code TRIBUTARY_MOTO_ENDPOINT} names a running one; otherwise {@code moto_server} is started
 * from the {@code PATH}; with neither, the test is skipped, or fails with {@code CI=true}.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureMotoEmulator
 * class ItemsApplicationIntegrationTests {
 * </pre>
 *
 * @author Tributary
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MotoEmulatorExtension.class)
public @interface AutoConfigureMotoEmulator {

}
