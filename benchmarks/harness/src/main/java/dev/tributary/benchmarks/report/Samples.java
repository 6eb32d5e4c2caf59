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
	 * The median of the ratios of paired measurements: the i-th of these to the i-th of
	 * {@code other}, taken in the same round, so that noise shared by a round cancels out.
	 * @param other the denominators
	 * @return the median ratio, or {@code NaN} when either is empty
	 */
	public double medianRatioTo(Samples other) {
		Samples ratios = new Samples();
		for (int i = 0; i < Math.min(this.values.size(), other.values.size()); i++) {
			ratios.add(this.values.get(i) / other.values.get(i));
		}
		return ratios.median();
	}

	/**
	 * The median of the differences of paired measurements, as {@link #medianRatioTo(Samples)}.
	 * @param other the subtrahends
	 * @return the median difference, or {@code NaN} when either is empty
	 */
	public double medianDifferenceTo(Samples other) {
		Samples differences = new Samples();
		for (int i = 0; i < Math.min(this.values.size(), other.values.size()); i++) {
			differences.add(this.values.get(i) - other.values.get(i));
		}
		return differences.median();
	}

	/**
	 * The largest value.
	 * @return the maximum
	 */
	public double max() {
		return percentile(100);
	}

}
