/**
 * What deploy provisions for an application on the KCL runtime: each shard processor's lease,
 * coordinator and worker metrics tables, and the policy document its hosts' role needs.
 */
@NullMarked
package dev.tributary.deploy.kcl;

import org.jspecify.annotations.NullMarked;
