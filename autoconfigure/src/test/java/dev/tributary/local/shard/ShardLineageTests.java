package dev.tributary.local.shard;

import java.util.List;
import java.util.Set;

import dev.tributary.local.stream.ShardInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardLineageTests {

	private static final ShardInfo PARENT = new ShardInfo("parent", null, "9");

	private static final ShardInfo LEFT = new ShardInfo("left", "parent", null);

	private static final ShardInfo RIGHT = new ShardInfo("right", "parent", "20");

	private static final ShardInfo MERGED = new ShardInfo("merged", "left", "right", null);

	@Test
	void childrenOfASplitWaitUntilTheirParentIsFinished() {
		List<ShardInfo> shards = List.of(PARENT, LEFT);
		assertThat(ShardLineage.ready(shards, (id) -> false, Set.of())).containsExactly(PARENT);
		assertThat(ShardLineage.waiting(shards, (id) -> false, Set.of())).containsExactly(LEFT);
		assertThat(ShardLineage.ready(shards, "parent"::equals, Set.of("parent"))).containsExactly(LEFT);
	}

	@Test
	void aMergedShardWaitsUntilBothItsParentsAreFinished() {
		List<ShardInfo> shards = List.of(LEFT, RIGHT, MERGED);
		assertThat(ShardLineage.ready(shards, "left"::equals, Set.of("left", "right"))).isEmpty();
		assertThat(ShardLineage.waiting(shards, "left"::equals, Set.of("left", "right"))).containsExactly(MERGED);
		assertThat(ShardLineage.ready(shards, (id) -> id.equals("left") || id.equals("right"), Set.of("left", "right")))
			.containsExactly(MERGED);
	}

	@Test
	void aShardWhoseParentsAreGoneFromTheStreamIsReady() {
		assertThat(ShardLineage.ready(List.of(MERGED), (id) -> false, Set.of())).containsExactly(MERGED);
	}

}
