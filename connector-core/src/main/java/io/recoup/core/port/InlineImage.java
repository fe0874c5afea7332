package io.recoup.core.port;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image shown inside a message's HTML body, referred to there as {@code cid:<contentId>} (RFC 2392), such as the
 * EPC QR code next to the bank details. A channel without HTML leaves it out.
 */
public record InlineImage(String contentId, Attachment image) {
    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+");

    public InlineImage {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(image, "image");
        if (!CONTENT_ID.matcher(contentId).matches()) {
            throw new IllegalArgumentException("content id must look like local@domain: " + contentId);
        }
    }
}
