package dev.tributary.mapping;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Numbers}.
 *
 * @author Tributary
 */
class NumbersTests {

	@Test
	void integersThatFitInALongAreLongs() {
		assertThat(Numbers.parse("0")).isEqualTo(0L);
		assertThat(Numbers.parse("-17")).isEqualTo(-17L);
		assertThat(Numbers.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
		assertThat(Numbers.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
	}

	@Test
	void integersBeyondTheLongRangeAreBigDecimals() {
		assertThat(Numbers.parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
	}

	@Test
	void fractionsAndExponentsKeepTheirExactValue() {
		assertThat(Numbers.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
		assertThat(Numbers.parse("1E+3")).isEqualTo(new BigDecimal("1E+3"));
		assertThat(Numbers.parse("-0.000001")).isEqualTo(new BigDecimal("-0.000001"));
	}

}
