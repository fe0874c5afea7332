package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;

/**
 * The XSDs in the hbci4j-core jar, checked by SHA-256 of their text with CR removed (the jar has CRLF line ends),
 * so a different file under the same name on the class path is refused instead of silently used.
 */
final class BundledSchemas implements SchemaSource {
    static final BundledSchemas INSTANCE = new BundledSchemas();

    /** SHA-256 of the official ISO 20022 pain.008.001.08.xsd, identical to shared/fixtures/xsd/pain.008.001.08.xsd. */
    private static final String ISO_V08 = "3b2efe2239fceea22b17eb980df58c8b80db7322cf7781f8fd64ee8d17696210";
    /** SHA-256 of the DK variant of pain.008.001.02.xsd as shipped in hbci4j-core 4.1.6. */
    private static final String DK_V02 = "d094cb920ee30d3583e7271b01b5efb775580f6d6dafebc9bc90629e8334fa01";

    private final Map<Pain008Version, Schema> compiled = new EnumMap<>(Pain008Version.class);

    private BundledSchemas() {
    }

    @Override
    public synchronized Schema schema(Pain008Version version) {
        return compiled.computeIfAbsent(version, this::load);
    }

    @Override
    public String describe(Pain008Version version) {
        return (version == Pain008Version.V08 ? "official ISO 20022 " : "Deutsche Kreditwirtschaft variant of ")
                + version.messageName() + ".xsd from hbci4j-core on the class path";
    }

    private Schema load(Pain008Version version) {
        String name = version.messageName() + ".xsd";
        URL url = BundledSchemas.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, name + " is not on the class path; add"
                    + " com.github.hbci4j:hbci4j-core:4.1.6 or use SchemaSource.directory(...)");
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, "Cannot read " + url + ": " + e.getMessage(), e);
        }
        String expected = version == Pain008Version.V08 ? ISO_V08 : DK_V02;
        String actual = sha256WithoutCr(bytes);
        if (!expected.equals(actual)) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, url + " is not the expected " + name
                    + " (SHA-256 " + actual + ", expected " + expected + ")");
        }
        return Schemas.compile(new StreamSource(new ByteArrayInputStream(bytes), url.toString()), describe(version));
    }

    private static String sha256WithoutCr(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, "This JVM has no SHA-256", e);
        }
    }
}
