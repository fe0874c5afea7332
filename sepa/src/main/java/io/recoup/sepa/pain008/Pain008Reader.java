package io.recoup.sepa.pain008;

import io.recoup.sepa.xml.SafeXml;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a pain.008.001.02 or 001.08 file back into typed values, with the same locked-down StAX factory as the camt
 * and pain.002 readers (a DOCTYPE is refused with {@code UNSAFE_XML} before anything is resolved). Used to check
 * what was written (round trips) and to inspect files from other tools; problems are collected with line and path.
 * National variants in other namespaces (e.g. the Swiss pain.008.001.02.ch.03) are refused as
 * {@code UNSUPPORTED_MESSAGE}.
 */
public final class Pain008Reader {

    public Pain008Document read(InputStream in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        return SafeXml.read(in, origin, xml -> new Pain008Parse(xml, origin).run());
    }
}
