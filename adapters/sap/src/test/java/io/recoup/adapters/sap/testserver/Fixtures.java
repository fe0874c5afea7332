package io.recoup.adapters.sap.testserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the vendor fixtures in place ({@code shared/fixtures} beside the repository): from the {@code recoup.fixtures}
 * system property the build sets, else by walking up from the working directory. Nothing is copied into the repo.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path sap(String file) {
        Path path = root().resolve("sap").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("fixture " + path + " is missing");
        }
        return path;
    }

    static Path root() {
        String property = System.getProperty("recoup.fixtures");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures above " + Path.of("").toAbsolutePath());
    }
}
