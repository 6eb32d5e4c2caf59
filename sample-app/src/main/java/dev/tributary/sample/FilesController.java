package dev.tributary.sample;

import dev.tributary.S3BucketDescriptor;
import dev.tributary.StreamProcessorRegistry;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API over the {@code Files} bucket: {@code PUT /files/{name}} stores the request body as
 * an object, which the {@code logObjects} processor then sees as an S3 event. A web application's
 * only: the processor functions in Lambda create no controller, and the Lambda artifact, whose API
 * function serves the Items API, leaves the S3 client out.
 *
 * @author Tributary
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3Client")
@RequestMapping("/files")
public class FilesController {

	private final S3Client s3;

	private final String bucket;

	public FilesController(S3Client s3, StreamProcessorRegistry registry) {
		this.s3 = s3;
		// The registry knows the bucket's physical name for this stage (tributary.buckets.Files.name).
		this.bucket = registry.getBuckets()
			.stream()
			.filter((candidate) -> candidate.id().equals("Files"))
			.map(S3BucketDescriptor::name)
			.findFirst()
			.orElse("files");
	}

	@PutMapping("/{name}")
	public ResponseEntity<Void> put(@PathVariable String name, @RequestBody byte[] content) {
		this.s3.putObject((request) -> request.bucket(this.bucket).key(name),
				software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
		return ResponseEntity.ok().build();
	}

}
