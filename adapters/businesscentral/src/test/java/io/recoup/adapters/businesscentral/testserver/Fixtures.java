package io.recoup.adapters.businesscentral.testserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the vendor fixtures in place: the {@code recoup.fixtures} system property (set by the build) or, walking up
 * from the working directory, the first {@code shared/fixtures} folder. Nothing is copied into the repository.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path metadataFile() {
        return root().resolve("businesscentral/bc-api-v2.0-metadata.xml");
    }

    public static Path root() {
        String configured = System.getProperty("recoup.fixtures");
        if (configured != null && Files.isDirectory(Path.of(configured, "businesscentral"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("businesscentral"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures/businesscentral above " + Path.of("").toAbsolutePath());
    }
}
