package dev.tributary.mapping;

/**
 * Enum fixture.
 */
enum Status {

	OPEN, SHIPPED

}
