package io.recoup.sepa.camt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message type and version a camt Document declares in its namespace URI, e.g.
 * {@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08}, and the element names that version uses. Elements are
 * matched by local name within exactly this namespace, so one reader serves every version from 001.02 to 001.13.
 */
record CamtNamespace(String uri, String messageType, String version) {
    private static final Pattern URI = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(camt\\.05[234])\\.(001\\.(\\d\\d))");
    private static final int OLDEST = 2;
    private static final int NEWEST = 13;

    static Optional<CamtNamespace> of(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Matcher matcher = URI.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(matcher.group(3));
        if (number < OLDEST || number > NEWEST) {
            return Optional.empty();
        }
        return Optional.of(new CamtNamespace(uri, matcher.group(1), matcher.group(2)));
    }

    /** The element under the message element that opens one statement: Rpt, Stmt or Ntfctn. */
    String statementElement() {
        return switch (messageType) {
            case "camt.052" -> "Rpt";
            case "camt.053" -> "Stmt";
            default -> "Ntfctn";
        };
    }
}
