package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;

/** XSD files named {@code pain.008.001.08.xsd} / {@code pain.008.001.02.xsd} in one folder, compiled on first use. */
final class DirectorySchemas implements SchemaSource {
    private final Path directory;
    private final Map<Pain008Version, Schema> compiled = new EnumMap<>(Pain008Version.class);

    DirectorySchemas(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public synchronized Schema schema(Pain008Version version) {
        return compiled.computeIfAbsent(version, this::load);
    }

    @Override
    public String describe(Pain008Version version) {
        return file(version).toString();
    }

    private Schema load(Pain008Version version) {
        Path file = file(version);
        if (!Files.isRegularFile(file)) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, "No XSD at " + file);
        }
        return Schemas.compile(new StreamSource(file.toFile()), file.toString());
    }

    private Path file(Pain008Version version) {
        return directory.resolve(version.messageName() + ".xsd");
    }
}
