package dev.tributary.deploy.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlanPrinter}.
 *
 * @author Tributary
 */
class PlanPrinterTests {

	private final PlanPrinter printer = new PlanPrinter();

	@Test
	void printsOneAlignedRowPerResourceThenConsequencesThenASummary() {
		Plan plan = new Plan(List.of(
				new ResourceChange("table", "items", Action.REPLACE,
						List.of(new FieldChange("StreamViewType", "KEYS_ONLY", "NEW_IMAGE")), "new stream ARN, consumer gap"),
				ResourceChange.of("mapping", "shop-dev-items", Action.UPDATE,
						List.of(new FieldChange("BatchSize", "100", "500"))),
				ResourceChange.unchanged("role", "shop-dev-items-us-east-1")));

		assertThat(this.printer.format(plan)).isEqualTo("""
				  ACTION     TYPE     NAME                      CHANGES
				! replace    table    items                     StreamViewType: KEYS_ONLY -> NEW_IMAGE
				~ update     mapping  shop-dev-items            BatchSize: 100 -> 500
				= unchanged  role     shop-dev-items-us-east-1
				! table items: new stream ARN, consumer gap
				Plan: 1 to update, 1 to replace, 1 unchanged.
				""");
	}

	@Test
	void saysSoWhenNothingChanges() {
		Plan plan = new Plan(List.of(ResourceChange.unchanged("role", "r"), ResourceChange.unchanged("function", "f")));

		assertThat(this.printer.format(plan)).endsWith("No changes: 2 resources up to date.\n");
		assertThat(plan.isEmpty()).isTrue();
	}

	@Test
	void showsCreatedFieldsWithoutAnOldValue() {
		Plan plan = new Plan(List.of(ResourceChange.of("log-group", "/aws/lambda/f", Action.CREATE,
				List.of(FieldChange.set("RetentionInDays", 14)))));

		assertThat(this.printer.format(plan)).contains("+ create  log-group  /aws/lambda/f  RetentionInDays: 14")
			.contains("Plan: 1 to create.");
	}

}
