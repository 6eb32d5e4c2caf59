/**
 * Spring Boot test auto-configuration for Tributary applications:
 * {@link dev.tributary.test.autoconfigure.AutoConfigureMotoEmulator} (the run's shared AWS API
 * emulator for every {@code @SpringBootTest}) and
 * {@link dev.tributary.test.autoconfigure.AutoConfigureProcessorTester} (a
 * {@link dev.tributary.test.processor.ProcessorTester} bean over the application's processors).
 */
@NullMarked
package dev.tributary.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
