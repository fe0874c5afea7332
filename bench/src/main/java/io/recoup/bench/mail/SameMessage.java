package io.recoup.bench.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes the mail bench's comparison fair: the message the server received from Recoup and the one it received
 * from the baseline, byte for byte, once the lines that must differ are set aside. Those are the Message-ID (Recoup's
 * is the notice's key, the baseline's Jakarta Mail's random one), the Date and the server's own trace lines, and the
 * MIME boundaries, random on both sides, which are numbered in the order they appear instead.
 */
final class SameMessage {
    private static final Set<String> DIFFERING = Set.of("message-id", "date", "received", "return-path");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    private SameMessage() {
    }

    /** @throws IllegalStateException naming the first line where the two messages differ */
    static void check(MimeMessage recoup, MimeMessage raw) {
        List<String> ours = comparable(recoup);
        List<String> theirs = comparable(raw);
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String a = i < ours.size() ? ours.get(i) : "(end of message)";
            String b = i < theirs.size() ? theirs.get(i) : "(end of message)";
            if (!a.equals(b)) {
                throw new IllegalStateException("the baseline's message is not Recoup's: line " + (i + 1) + " is '" + a
                        + "' from Recoup, '" + b + "' from raw Jakarta Mail");
            }
        }
    }

    /** The message's lines as sent, headers unfolded, without the lines that must differ, boundaries numbered. */
    static List<String> comparable(MimeMessage message) {
        String text = withNumberedBoundaries(bytes(message));
        List<String> kept = new ArrayList<>();
        boolean dropping = false;
        for (String line : text.split("\r\n", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && !kept.isEmpty() && !dropping) {
                kept.set(kept.size() - 1, kept.get(kept.size() - 1) + " " + line.strip());
                continue;
            }
            if (continuation) {
                continue;
            }
            int colon = line.indexOf(':');
            dropping = colon > 0 && DIFFERING.contains(line.substring(0, colon).toLowerCase(Locale.ROOT));
            if (!dropping) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String withNumberedBoundaries(String text) {
        Matcher m = BOUNDARY.matcher(text);
        List<String> boundaries = new ArrayList<>();
        while (m.find()) {
            if (!boundaries.contains(m.group(1))) {
                boundaries.add(m.group(1));
            }
        }
        for (int i = 0; i < boundaries.size(); i++) {
            text = text.replace(boundaries.get(i), "boundary-" + (i + 1));
        }
        return text;
    }

    private static String bytes(MimeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received message: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
