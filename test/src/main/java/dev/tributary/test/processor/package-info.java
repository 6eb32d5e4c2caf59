/**
 * Running a processor over a batch the way Lambda does, through Tributary's own Lambda function
 * and batch core, and asserting what Lambda would do next: {@link dev.tributary.test.processor.ProcessorTester}
 * and its {@link dev.tributary.test.processor.BatchResult}.
 */
@NullMarked
package dev.tributary.test.processor;

import org.jspecify.annotations.NullMarked;
