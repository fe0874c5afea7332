package io.recoup.core.port;

import java.util.Objects;

/** A file sent with a reminder, such as the EPC QR code a payer scans with the banking app. */
public record Attachment(String fileName, String contentType, byte[] content) {
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
