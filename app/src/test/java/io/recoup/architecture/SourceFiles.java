package io.recoup.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's source files, found from the folder the tests run in (a module's folder, or the root). */
final class SourceFiles {
    private SourceFiles() {
    }

    /** The repository root: the nearest folder up from the working directory that holds the parent pom's modules. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("connector-core")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with connector-core and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /** Every {@code .java} file under a {@code src/main/java} folder of any module, in path order. */
    static List<Path> mainJava() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().replace('\\', '/').contains("/target/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the source files under " + root(), e);
        }
    }
}
