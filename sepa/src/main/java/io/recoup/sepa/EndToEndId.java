package io.recoup.sepa;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end identification of one payment ({@code PmtId/EndToEndId}): 1 to 35 characters of the EPC set for
 * identifiers. Banks return it unchanged in pain.002 ({@code OrgnlEndToEndId}) and camt ({@code Refs/EndToEndId}),
 * which is how a reject or return finds its collection again.
 *
 * <p>Recoup's own format is {@code RCP-C<collectionId>-<attempt>}: the literal {@code RCP-C}, the collection id (1 to
 * 24 letters or digits) and the presentation attempt (1 for the first, 2 for a re-presentation, up to 99999), e.g.
 * {@code RCP-C8F3K2-1}. Ids in any other shape (a bank's {@code NOTPROVIDED}, a foreign payment) are still valid
 * end-to-end ids; they just have no collection id.
 */
public record EndToEndId(String value) {
    public static final int MAX_LENGTH = 35;
    private static final String PREFIX = "RCP-C";
    private static final Pattern OURS = Pattern.compile("RCP-C([A-Za-z0-9]{1,24})-([1-9][0-9]{0,4})");

    public EndToEndId {
        String reason = SepaText.identifierProblem(value, MAX_LENGTH);
        if (reason != null) {
            throw new SepaException(SepaErrorCode.INVALID_END_TO_END_ID,
                    "Invalid end-to-end id " + (value == null ? "(null)" : "\"" + value + "\"") + ": " + reason);
        }
    }

    /** The id of presentation {@code attempt} (1-based) of collection {@code collectionId}. */
    public static EndToEndId forCollection(String collectionId, int attempt) {
        if (collectionId == null || !collectionId.matches("[A-Za-z0-9]{1,24}") || attempt < 1 || attempt > 99_999) {
            throw new SepaException(SepaErrorCode.INVALID_END_TO_END_ID, "Cannot build an end-to-end id from collection"
                    + " id \"" + collectionId + "\" and attempt " + attempt
                    + ": the id must be 1 to 24 letters or digits and the attempt 1 to 99999");
        }
        return new EndToEndId(PREFIX + collectionId + "-" + attempt);
    }

    /** The collection id when this is one of Recoup's ids, else empty. */
    public Optional<String> collectionId() {
        Matcher matcher = OURS.matcher(value);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The presentation attempt when this is one of Recoup's ids, else empty. */
    public OptionalInt attempt() {
        Matcher matcher = OURS.matcher(value);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(2))) : OptionalInt.empty();
    }

    /** The id for the next presentation of the same collection (attempt + 1). */
    public EndToEndId nextAttempt() {
        String id = collectionId().orElseThrow(() -> new SepaException(SepaErrorCode.INVALID_END_TO_END_ID,
                "End-to-end id \"" + value + "\" is not one of Recoup's, so it has no next attempt"));
        return forCollection(id, attempt().getAsInt() + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
