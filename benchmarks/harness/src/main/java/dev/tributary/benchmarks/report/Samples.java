package dev.tributary.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measurements of one quantity, with the percentiles the table reports.
 *
 * @author Tributary
 */
public final class Samples {

	private final List<Double> values = new ArrayList<>();

	/**
	 * Add a measurement.
	 * @param value the value
	 */
	public void add(double value) {
		this.values.add(value);
	}

	/**
	 * Number of measurements.
	 * @return the count
	 */
	public int size() {
		return this.values.size();
	}

	/**
	 * Whether there are none.
	 * @return whether empty
	 */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/**
	 * The median.
	 * @return the 50th percentile
	 */
	public double median() {
		return percentile(50);
	}

	/**
	 * A percentile by the nearest-rank method, so that p90 of 20 runs is the 18th smallest.
	 * @param percent the percentile, 0 to 100
	 * @return the value
	 */
	public double percentile(double percent) {
		if (this.values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/**
	 * The largest value.
	 * @return the maximum
	 */
	public double max() {
		return percentile(100);
	}

}
