package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes hostile variants of a valid event from a seeded {@link Random}: values replaced by other
 * kinds, fields removed or renamed, control characters and escapes in strings, elements replaced
 * by scalars, duplicated or swapped, deep nesting, huge numbers, and byte-level cuts and
 * insertions. The same seed gives the same events.
 */
final class EventMutator {

	private static final JsonMapper mapper = JsonMapper.shared();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final Random random;

	private final JsonNode base;

	EventMutator(byte[] baseEvent, long seed) {
		this.base = mapper.readTree(baseEvent);
		this.random = new Random(seed);
	}

	/**
	 * The next variant: one to three mutations of the base event.
	 * @return the event's bytes
	 */
	byte[] next() {
		JsonNode event = this.base.deepCopy();
		int mutations = 1 + this.random.nextInt(3);
		byte[] bytes = null;
		for (int i = 0; i < mutations; i++) {
			if (this.random.nextInt(8) == 0) {
				bytes = mutateBytes((bytes != null) ? bytes : mapper.writeValueAsBytes(event));
			}
			else if (bytes == null) {
				event = mutateTree(event);
			}
		}
		return (bytes != null) ? bytes : mapper.writeValueAsBytes(event);
	}

	private JsonNode mutateTree(JsonNode event) {
		List<Slot> slots = new ArrayList<>();
		collect(event, slots);
		if (slots.isEmpty()) {
			return nodes.objectNode();
		}
		Slot slot = slots.get(this.random.nextInt(slots.size()));
		switch (this.random.nextInt(9)) {
			case 0, 1 -> slot.set(otherKind(slot.get()));
			case 2 -> slot.remove();
			case 3 -> slot.rename(this.random.nextBoolean() ? slot.name().toLowerCase() : slot.name() + "x");
			case 4 -> {
				if (slot.get().isString()) {
					slot.set(nodes.stringNode(withControlCharacters(slot.get().asString())));
				}
				else {
					slot.set(nodes.stringNode(withControlCharacters("")));
				}
			}
			case 5 -> {
				ArrayNode wrapper = nodes.arrayNode();
				wrapper.add(slot.get());
				slot.set(wrapper);
			}
			case 6 -> slot.set(nested(slot.get(), 1 + this.random.nextInt(40)));
			case 7 -> slot.duplicateOrSwap(this.random.nextBoolean());
			default -> slot.set(hugeNumber());
		}
		return event;
	}

	private JsonNode otherKind(JsonNode current) {
		return switch (this.random.nextInt(8)) {
			case 0 -> nodes.stringNode("SECRET-VALUE-mutated");
			case 1 -> nodes.numberNode(this.random.nextInt(1000) - 500);
			case 2 -> nodes.numberNode(this.random.nextDouble() * 1e12);
			case 3 -> nodes.booleanNode(this.random.nextBoolean());
			case 4 -> nodes.nullNode();
			case 5 -> nodes.objectNode().put("SECRET-VALUE-key", "SECRET-VALUE-value");
			case 6 -> nodes.arrayNode().add("SECRET-VALUE-element").add(current.deepCopy());
			default -> current.isObject() ? nodes.arrayNode() : nodes.objectNode();
		};
	}

	private JsonNode hugeNumber() {
		return switch (this.random.nextInt(4)) {
			case 0 -> nodes.numberNode(new java.math.BigInteger("9".repeat(40)));
			case 1 -> nodes.numberNode(new java.math.BigDecimal("1e400"));
			case 2 -> nodes.numberNode(new java.math.BigDecimal("-1e-400"));
			default -> nodes.numberNode(Long.MIN_VALUE);
		};
	}

	private String withControlCharacters(String text) {
		String[] inserts = { "\u0000", "\n", "\u001f", "\"", "\\", "\u2028", "\u007f", "\uD83D\uDE00", "\t\r" };
		int at = text.isEmpty() ? 0 : this.random.nextInt(text.length() + 1);
		return text.substring(0, at) + inserts[this.random.nextInt(inserts.length)] + text.substring(at);
	}

	private static JsonNode nested(JsonNode value, int levels) {
		JsonNode node = value;
		for (int i = 0; i < levels; i++) {
			ObjectNode map = nodes.objectNode();
			map.putObject("M").set("d", node);
			node = map;
		}
		return node;
	}

	private byte[] mutateBytes(byte[] bytes) {
		int at = this.random.nextInt(bytes.length + 1);
		return switch (this.random.nextInt(4)) {
			case 0 -> Arrays.copyOf(bytes, at);
			case 1 -> insert(bytes, at, new byte[] { (byte) this.random.nextInt(256) });
			case 2 -> insert(bytes, quoteAfter(bytes, at), "\\ud800\\u0001".getBytes(StandardCharsets.US_ASCII));
			default -> insert(bytes, at, new byte[] { ',' });
		};
	}

	// Just inside a string (after an opening or closing quote): the escape stays valid JSON there.
	private static int quoteAfter(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '"') {
				return i + 1;
			}
		}
		return from;
	}

	private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
		byte[] result = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
		return result;
	}

	private static void collect(JsonNode node, List<Slot> slots) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				slots.add(new Slot(object, name, -1));
				collect(object.get(name), slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				slots.add(new Slot(array, null, i));
				collect(array.get(i), slots);
			}
		}
	}

	/** A place in the tree: a field of an object or an element of an array. */
	private record Slot(JsonNode parent, String field, int index) {

		JsonNode get() {
			return (this.field != null) ? this.parent.get(this.field) : this.parent.get(this.index);
		}

		String name() {
			return (this.field != null) ? this.field : "element";
		}

		void set(JsonNode value) {
			if (this.parent instanceof ObjectNode object) {
				object.set(this.field, value);
			}
			else {
				((ArrayNode) this.parent).set(this.index, value);
			}
		}

		void remove() {
			if (this.parent instanceof ObjectNode object) {
				object.remove(this.field);
			}
			else {
				((ArrayNode) this.parent).remove(this.index);
			}
		}

		void rename(String name) {
			if (this.parent instanceof ObjectNode object) {
				JsonNode value = object.remove(this.field);
				object.set(name, value);
			}
		}

		void duplicateOrSwap(boolean duplicate) {
			if (this.parent instanceof ArrayNode array) {
				if (duplicate) {
					array.insert(this.index, get().deepCopy());
				}
				else if (this.index + 1 < array.size()) {
					JsonNode next = array.get(this.index + 1);
					array.set(this.index + 1, get());
					array.set(this.index, next);
				}
			}
		}

	}

}
