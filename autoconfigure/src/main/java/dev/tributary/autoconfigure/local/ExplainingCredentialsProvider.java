package dev.tributary.autoconfigure.local;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import org.springframework.util.Assert;

/**
 * Wraps the SDK's default credentials chain so that finding no credentials fails with a
 * {@link MissingAwsCredentialsException} naming what provides them, instead of the chain's list
 * of the providers it tried.
 *
 * @author Tributary
 */
final class ExplainingCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {

	private final AwsCredentialsProvider delegate;

	private final String target;

	/**
	 * Wrap a credentials provider.
	 * @param delegate the provider
	 * @param target what the credentials are for, for the message (never a credential)
	 */
	ExplainingCredentialsProvider(AwsCredentialsProvider delegate, String target) {
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.hasText(target, "'target' must not be empty");
		this.delegate = delegate;
		this.target = target;
	}

	AwsCredentialsProvider getDelegate() {
		return this.delegate;
	}

	@Override
	public AwsCredentials resolveCredentials() {
		try {
			return this.delegate.resolveCredentials();
		}
		catch (MissingAwsCredentialsException ex) {
			throw ex;
		}
		catch (SdkClientException ex) {
			throw new MissingAwsCredentialsException(this.target, ex);
		}
	}

	@Override
	public void close() {
		IoUtils.closeIfCloseable(this.delegate, null);
	}

	@Override
	public String toString() {
		return "ExplainingCredentialsProvider[" + this.delegate + "]";
	}

}
