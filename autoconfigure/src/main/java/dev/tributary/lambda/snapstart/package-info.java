/**
 * SnapStart support: priming the processors before Lambda's snapshot through the CRaC API.
 */
@NullMarked
package dev.tributary.lambda.snapstart;

import org.jspecify.annotations.NullMarked;
