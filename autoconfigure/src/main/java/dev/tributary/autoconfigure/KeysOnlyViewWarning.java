package dev.tributary.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamViewType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Warns, once at startup, about each processor that maps images to a type of its own but reads a
 * {@code KEYS_ONLY} stream: such a stream carries no images, so the processor would only ever see
 * empty images. A processor of raw maps is left alone: reading only keys is a fair use of it.
 *
 * @author Tributary
 */
final class KeysOnlyViewWarning {

	private static final Log logger = LogFactory.getLog(KeysOnlyViewWarning.class);

	private KeysOnlyViewWarning() {
	}

	static void warn(List<? extends StreamProcessorDefinition<?>> processors) {
		processors.stream().filter(KeysOnlyViewWarning::expectsImagesItCannotGet).forEach((processor) -> {
			if (logger.isWarnEnabled()) {
				logger.warn(message(processor));
			}
		});
	}

	static boolean expectsImagesItCannotGet(StreamProcessorDefinition<?> processor) {
		Class<?> type = processor.recordType().resolve();
		return processor.binding() instanceof DynamoDbStreamBinding dynamoDb
				&& dynamoDb.options().viewType() == StreamViewType.KEYS_ONLY && type != null
				&& !Map.class.isAssignableFrom(type);
	}

	static String message(StreamProcessorDefinition<?> processor) {
		String name = processor.name();
		return "Processor '" + name + "' maps images to " + processor.recordType() + " but reads the stream of table '"
				+ DynamoDbStreamBinding.of(processor).table().name() + "' with view type KEYS_ONLY (the default when none is set): that "
				+ "stream carries no images, so newImage() and oldImage() are always empty and only keys() is set. "
				+ "Set the view type it needs: @DynamoDbStreamProcessor(viewType = NEW_AND_OLD_IMAGES), or "
				+ TributaryProperties.PREFIX + ".processors." + name + ".view-type=NEW_AND_OLD_IMAGES (NEW_IMAGE or "
				+ "OLD_IMAGE when one image is enough). The table's stream must carry it too: the local runtime "
				+ "creates or checks it, deploy plans it.";
	}

}
