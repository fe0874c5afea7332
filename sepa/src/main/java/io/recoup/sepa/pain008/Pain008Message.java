package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.SepaText;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What goes into one direct-debit initiation: the message id ({@code GrpHdr/MsgId}, unique per creditor and bank,
 * EPC identifier rules), the initiating party's name, the creditor and the collections (distinct end-to-end ids).
 */
public record Pain008Message(String messageId, String initiatingPartyName, Creditor creditor, List<DirectDebit> debits) {

    public Pain008Message {
        String reason = SepaText.identifierProblem(messageId, 35);
        if (reason != null) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Invalid message id \"" + messageId + "\": " + reason);
        }
        Texts.requireName("initiating party name", initiatingPartyName);
        Objects.requireNonNull(creditor, "creditor");
        debits = List.copyOf(Objects.requireNonNull(debits, "debits"));
        if (debits.isEmpty()) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Message " + messageId + " has no collection");
        }
        Set<String> seen = new HashSet<>();
        for (DirectDebit debit : debits) {
            if (!seen.add(debit.endToEndId().value())) {
                throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Message " + messageId
                        + " has end-to-end id " + debit.endToEndId() + " twice; returns could not be told apart");
            }
        }
    }
}
