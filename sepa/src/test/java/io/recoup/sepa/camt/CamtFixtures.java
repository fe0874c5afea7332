package io.recoup.sepa.camt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the shared vendor fixtures in place (never copied) and our own test files from the class path. */
final class CamtFixtures {
    private CamtFixtures() {
    }

    static Path camtDirectory() {
        String root = System.getProperty("recoup.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property recoup.fixtures is not set (surefire sets it)");
        }
        return Path.of(root).resolve("camt");
    }

    static Path fixture(String name) {
        return camtDirectory().resolve(name);
    }

    /** Every file in the fixtures' camt folder, sorted by name. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(camtDirectory())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CamtDocument readAll(String name) {
        return readAll(fixture(name));
    }

    static CamtDocument readAll(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new CamtReader().readAll(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of ours under src/test/resources, e.g. {@code camt053/bad-fields/statement.xml}. */
    static String resource(String path) {
        try (InputStream in = CamtFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
