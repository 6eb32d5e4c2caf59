/**
 * Lambda event filter criteria, applied to stream records before they reach a processor.
 */
@NullMarked
package dev.tributary.local.filter;

import org.jspecify.annotations.NullMarked;
