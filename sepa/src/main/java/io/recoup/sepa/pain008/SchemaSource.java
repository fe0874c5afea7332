package io.recoup.sepa.pain008;

import java.nio.file.Path;
import javax.xml.validation.Schema;

/**
 * Where the XSD a pain.008 file is validated against comes from. {@link #bundled()} loads them from the class path,
 * from the hbci4j-core jar (Maven Central {@code com.github.hbci4j:hbci4j-core:4.1.6}), and checks their SHA-256:
 * {@code pain.008.001.08.xsd} there is the official ISO 20022 file (Standards Editor, 2019), and
 * {@code pain.008.001.02.xsd} is the Deutsche Kreditwirtschaft restriction of the ISO 2009 schema in the same
 * namespace (DFÜ-Abkommen Anlage 3 v3.0, EPC IG 9.0 rules: SEPA character set in identifiers, {@code Ctry} +
 * two {@code AdrLine}), stricter than the plain ISO file. {@link #directory} takes the files from a folder instead,
 * e.g. the official ISO files of {@code shared/fixtures/xsd}.
 */
public interface SchemaSource {

    /** The compiled schema for {@code version}; implementations cache it, a compiled Schema is thread-safe. */
    Schema schema(Pain008Version version);

    /** Where the schema came from, for error messages (e.g. "hbci4j-core pain.008.001.08.xsd"). */
    String describe(Pain008Version version);

    static SchemaSource bundled() {
        return BundledSchemas.INSTANCE;
    }

    /** {@code pain.008.001.08.xsd} and {@code pain.008.001.02.xsd} in {@code directory}. */
    static SchemaSource directory(Path directory) {
        return new DirectorySchemas(directory);
    }
}
