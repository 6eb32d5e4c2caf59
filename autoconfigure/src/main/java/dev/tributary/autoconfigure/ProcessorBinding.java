package dev.tributary.autoconfigure;

import dev.tributary.ProcessorOptions;

/**
 * One processor's resolved binding: the table it reads and its options.
 *
 * @param processor the processor's bean name
 * @param table the bound table id, with where it came from
 * @param options the validated options
 * @author Tributary
 */
record ProcessorBinding(String processor, BoundValue<String> table, ProcessorOptions options) {

}
