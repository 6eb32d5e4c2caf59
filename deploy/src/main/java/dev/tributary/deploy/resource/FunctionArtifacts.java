package dev.tributary.deploy.resource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.deploy.Artifact;
import dev.tributary.deploy.ArtifactFreshness;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOptions;

import org.springframework.util.Assert;

/**
 * The Lambda zips of one run: the processors' ({@code tributary.deploy.artifact}), which every
 * processor's function deploys, and the API function's ({@code tributary.deploy.api-artifact}),
 * which is the processors' when the application packages one zip for both. Each is read and
 * hashed on first use, once it is known not to be older than the classes compiled next to it, and
 * each remembers where it was uploaded when it is too large for a direct upload.
 *
 * @author Tributary
 */
public final class FunctionArtifacts {

	private final DeployOptions options;

	private final Map<Path, Artifact> read = new HashMap<>();

	// By SHA-256: two paths with the same bytes are one object in the bucket.
	private final Map<String, CodeLocation> uploaded = new HashMap<>();

	FunctionArtifacts(DeployOptions options) {
		Assert.notNull(options, "'options' must not be null");
		this.options = options;
	}

	/**
	 * The zip every processor's function deploys.
	 * @return the artifact
	 * @throws DeployException if no artifact is configured, it does not exist or it is stale
	 */
	public Artifact processors() {
		Path zip = this.options.artifact()
			.orElseThrow(() -> new DeployException("No Lambda artifact: set tributary.deploy.artifact to the "
					+ "zip built by 'mvn package'"));
		return read(zip);
	}

	/**
	 * The zip the API function deploys: its own, else the processors'.
	 * @return the artifact
	 * @throws DeployException if it does not exist or it is stale
	 */
	public Artifact api() {
		return this.options.apiArtifact().map(this::read).orElseGet(this::processors);
	}

	/**
	 * The zips this run deploys, each once: the processors' and, when the application has an
	 * HTTP API, the API function's.
	 * @return the artifacts, the processors' first
	 */
	public List<Artifact> deployed() {
		Map<String, Artifact> artifacts = new LinkedHashMap<>();
		artifacts.put(processors().sha256Hex(), processors());
		if (this.options.api().isPresent()) {
			artifacts.putIfAbsent(api().sha256Hex(), api());
		}
		return List.copyOf(artifacts.values());
	}

	/**
	 * Whether an artifact is too large for a direct upload.
	 * @param artifact the artifact
	 * @return whether it goes through deploy's bucket
	 */
	public boolean usesBucket(Artifact artifact) {
		return artifact.size() > this.options.directUploadLimit();
	}

	/**
	 * Whether any artifact of this run goes through deploy's bucket.
	 * @return whether the run needs the bucket
	 */
	public boolean needBucket() {
		return deployed().stream().anyMatch(this::usesBucket);
	}

	/**
	 * Where an artifact was uploaded, when it goes through the bucket.
	 * @param artifact the artifact
	 * @return the location, empty for a direct upload
	 */
	public Optional<CodeLocation> codeLocation(Artifact artifact) {
		return Optional.ofNullable(this.uploaded.get(artifact.sha256Hex()));
	}

	/**
	 * Record where an artifact is in the bucket.
	 * @param artifact the artifact
	 * @param location its location
	 */
	public void codeLocation(Artifact artifact, CodeLocation location) {
		this.uploaded.put(artifact.sha256Hex(), location);
	}

	private Artifact read(Path zip) {
		return this.read.computeIfAbsent(zip, (path) -> {
			Artifact artifact = Artifact.of(path);
			ArtifactFreshness.classesNextTo(path)
				.ifPresent((classes) -> ArtifactFreshness.requireNotOlderThan(path, classes));
			return artifact;
		});
	}

	/**
	 * An uploaded artifact in deploy's bucket.
	 *
	 * @param bucket the bucket
	 * @param key the object key
	 */
	public record CodeLocation(String bucket, String key) {

	}

}
