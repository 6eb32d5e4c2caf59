package dev.tributary.kcl;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.shard.AbandonedException;
import dev.tributary.local.shard.CallRetrier;
import dev.tributary.local.shard.StopSignal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.Checkpointer;
import software.amazon.kinesis.processor.PreparedCheckpointer;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KclCheckpointer} with a fake KCL checkpointer: what each of KCL's checkpoint
 * failures does to the shard's work.
 */
class KclCheckpointerTests {

	private final StopSignal stop = new StopSignal();

	private final FakeCheckpointer kcl = new FakeCheckpointer();

	private final CallRetrier calls = new CallRetrier("items", "test", LocalRuntimeOptions.builder()
		.initialErrorBackoff(Duration.ofMillis(1))
		.maxErrorBackoff(Duration.ofMillis(2))
		.build(), RuntimeMetrics.NONE, this.stop, Clock.systemUTC(), () -> {
		}, () -> false);

	private final KclShards.Shard shard = new KclShards().started("shardId-0", "TRIM_HORIZON", this.calls);

	private final KclCheckpointer checkpointer = new KclCheckpointer(this.kcl, this.stop, this.calls, this.shard);

	@Test
	void aCheckpointGoesToKclAndIsTheShardsPosition() {
		this.checkpointer.checkpoint("5");
		assertThat(this.kcl.written).containsExactly("5");
		assertThat(this.shard.checkpoint()).isEqualTo("5");
	}

	@Test
	void aCheckpointAtOrBeforeThePositionIsNotWrittenAgain() {
		this.checkpointer.checkpoint("5");
		this.checkpointer.checkpoint("5");
		this.checkpointer.checkpoint("3");
		assertThat(this.kcl.written).containsExactly("5");
	}

	@Test
	void aLostLeaseAbandonsTheShardsWorkWithoutAPosition() {
		this.kcl.failWith = new ShutdownException("lease lost");
		assertThatExceptionOfType(AbandonedException.class).isThrownBy(() -> this.checkpointer.checkpoint("5"));
		assertThat(this.stop.isAbandoned()).isTrue();
		assertThat(this.shard.checkpoint()).isEqualTo("TRIM_HORIZON");
	}

	@Test
	void throttlingIsTriedAgainUntilTheCheckpointIsWritten() {
		this.kcl.failWith = new ThrottlingException("slow down");
		this.kcl.failures = 2;
		this.checkpointer.checkpoint("7");
		assertThat(this.kcl.attempts).isEqualTo(3);
		assertThat(this.kcl.written).containsExactly("7");
	}

	static final class FakeCheckpointer implements RecordProcessorCheckpointer {

		final List<String> written = new ArrayList<>();

		@Nullable Exception failWith;

		int failures = Integer.MAX_VALUE;

		int attempts;

		@Override
		public void checkpoint(String sequenceNumber) throws ShutdownException, ThrottlingException {
			this.attempts++;
			if (this.failWith != null && this.failures-- > 0) {
				if (this.failWith instanceof ShutdownException shutdown) {
					throw shutdown;
				}
				throw (ThrottlingException) this.failWith;
			}
			this.written.add(sequenceNumber);
		}

		@Override
		public void checkpoint() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkpoint(Record record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkpoint(String sequenceNumber, long subSequenceNumber) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint() {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(byte[] applicationState) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(Record record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(Record record, byte[] applicationState) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(String sequenceNumber) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, byte[] applicationState) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber,
				byte[] applicationState) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Checkpointer checkpointer() {
			throw new UnsupportedOperationException();
		}

	}

}
