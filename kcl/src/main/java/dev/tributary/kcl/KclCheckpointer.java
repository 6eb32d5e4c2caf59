package dev.tributary.kcl;

import dev.tributary.SequenceNumbers;
import dev.tributary.local.shard.AbandonedException;
import dev.tributary.local.shard.CallRetrier;
import dev.tributary.local.shard.Checkpointer;
import dev.tributary.local.shard.StopSignal;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * The shard engine's checkpoints written to KCL's lease table through the batch's
 * {@link RecordProcessorCheckpointer}. A lost lease ({@link ShutdownException}) abandons the
 * shard's in-flight work; throttling and DynamoDB failures are tried again with the engine's
 * backoff.
 *
 * @author Tributary
 */
final class KclCheckpointer implements Checkpointer {

	private final RecordProcessorCheckpointer checkpointer;

	private final StopSignal stop;

	private final CallRetrier calls;

	private final KclShards.Shard shard;

	KclCheckpointer(RecordProcessorCheckpointer checkpointer, StopSignal stop, CallRetrier calls,
			KclShards.Shard shard) {
		this.checkpointer = checkpointer;
		this.stop = stop;
		this.calls = calls;
		this.shard = shard;
	}

	@Override
	public void checkpoint(String sequenceNumber) {
		if (this.stop.isAbandoned()) {
			throw new AbandonedException();
		}
		String current = this.shard.checkpoint();
		if (current != null && isNumber(current) && SequenceNumbers.compare(sequenceNumber, current) <= 0) {
			return;
		}
		this.calls.run("Checkpoint", () -> write(sequenceNumber));
		this.shard.checkpointed(sequenceNumber);
	}

	private void write(String sequenceNumber) {
		try {
			this.checkpointer.checkpoint(sequenceNumber);
		}
		catch (ShutdownException ex) {
			this.stop.abandon();
			throw new AbandonedException();
		}
		catch (ThrottlingException | KinesisClientLibDependencyException ex) {
			throw new KclCallException(ex);
		}
		catch (InvalidStateException ex) {
			throw new KclCallException(ex);
		}
	}

	/**
	 * Checkpoint a closed shard at its end, so that KCL starts its children.
	 * @param checkpointer the checkpointer KCL gives with the shard's end
	 * @param stop the shard's stop signal
	 */
	static void atShardEnd(RecordProcessorCheckpointer checkpointer, StopSignal stop) {
		try {
			checkpointer.checkpoint();
		}
		catch (ShutdownException ex) {
			stop.abandon();
			throw new AbandonedException();
		}
		catch (ThrottlingException | KinesisClientLibDependencyException | InvalidStateException ex) {
			throw new KclCallException(ex);
		}
	}

	/**
	 * KCL's initial positions ({@code TRIM_HORIZON}, {@code LATEST}) are no sequence numbers.
	 */
	private static boolean isNumber(String position) {
		return !position.isEmpty() && Character.isDigit(position.charAt(0));
	}

	/**
	 * A checkpoint that failed in a way worth trying again.
	 */
	static final class KclCallException extends RuntimeException {

		KclCallException(Exception cause) {
			super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
		}

	}

}
