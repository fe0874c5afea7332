package io.recoup.adapters.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a reminder e-mail back, whatever its nesting: the plain text, the HTML and the files, as a mail client would
 * find them. The local mail sink, the mail bench and the tests read sent mail through it.
 */
public final class MimeParts {
    private final List<Part> leaves = new ArrayList<>();

    private MimeParts(Part root) throws MessagingException, IOException {
        collect(root);
    }

    public static MimeParts of(Part message) {
        try {
            return new MimeParts(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable MIME message: " + e.getMessage(), e);
        }
    }

    private void collect(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i));
            }
        } else {
            leaves.add(part);
        }
    }

    /** The first text/plain part that is not an attachment. */
    public String text() {
        return body("text/plain").orElseThrow(() -> new IllegalArgumentException("the message has no plain-text part"));
    }

    /** The first text/html part, if the message has one. */
    public Optional<String> html() {
        return body("text/html");
    }

    /** Every part that is not the text or the HTML: inline images and attachments, in order. */
    public List<Part> files() {
        return leaves.stream().filter(p -> !isBody(p, "text/plain") && !isBody(p, "text/html")).toList();
    }

    /** The bytes of a part. */
    public static byte[] bytes(Part part) {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Optional<String> body(String type) {
        try {
            for (Part p : leaves) {
                if (isBody(p, type)) {
                    return Optional.of((String) p.getContent());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean isBody(Part p, String type) {
        try {
            return p.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) && !(p instanceof BodyPart b && b.getFileName() != null);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
