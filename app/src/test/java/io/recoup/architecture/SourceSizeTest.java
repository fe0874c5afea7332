package io.recoup.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STYLE.md's "files stay small", made a check: no main source file of any module is longer than 400 lines. */
class SourceSizeTest {
    private static final int MAX_LINES = 400;

    @Test
    void noMainSourceFileOfAnyModuleIsLongerThan400Lines() throws IOException {
        Path root = SourceFiles.root();
        List<Path> files = SourceFiles.mainJava();
        List<String> offenders = new ArrayList<>();
        for (Path file : files) {
            long lines;
            try (var stream = Files.lines(file)) {
                lines = stream.count();
            }
            if (lines > MAX_LINES) {
                offenders.add(root.relativize(file) + " (" + lines + " lines)");
            }
        }

        assertThat(files).as("main source files found under " + root).hasSizeGreaterThan(100);
        assertThat(offenders).as("main source files over " + MAX_LINES + " lines; split them").isEmpty();
    }
}
