/**
 * What every deployed resource implements, and the context that carries values (account, ARNs) from one resource to the next.
 */
@NullMarked
package dev.tributary.deploy.resource;

import org.jspecify.annotations.NullMarked;
