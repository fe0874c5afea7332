package io.recoup.sepa.pain002;

import io.recoup.sepa.xml.SafeXml;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads pain.002 status reports in one streaming pass with the same locked-down StAX factory as the camt reader: a
 * DOCTYPE is refused ({@code UNSAFE_XML}) before any entity or external resource is read. Content problems (a
 * transaction status without end-to-end id, a status code that is not four letters) are collected with line and
 * path; XML that is not well-formed ends the reading with {@code MALFORMED_XML}. Stateless and thread-safe.
 */
public final class Pain002Reader {

    public Pain002Report read(InputStream in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        return SafeXml.read(in, origin, xml -> new Pain002Parse(xml, origin).run());
    }
}
