package com.example.items;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * Where the processor writes what it saw: one line per change.
 */
@Component
public class ItemLog {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	public void add(String line) {
		this.lines.add(line);
	}

	public List<String> lines() {
		return List.copyOf(this.lines);
	}

}
