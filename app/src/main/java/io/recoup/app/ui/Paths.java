package io.recoup.app.ui;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** Path segments of the dashboard's links: a source or id such as {@code C/10 01} stays one segment. */
final class Paths {
    private Paths() {
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
