package io.recoup.sepa.pain008;

import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateAmendment;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.NextCollection;
import io.recoup.sepa.mandate.SequenceType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One collection, a {@code DrctDbtTxInf}, with what decides its payment-information block: sequence type,
 * requested collection date and scheme. Build it from a mandate with {@link #of}, which takes sequence type and
 * amendment from {@link Mandate#nextCollection}.
 *
 * @param creditorId the creditor identifier of the mandate; must be the file's {@code CdtrSchmeId}
 * @param amendment  null, or what {@code AmdmntInfDtls} reports
 */
public record DirectDebit(
        EndToEndId endToEndId,
        SepaAmount amount,
        CreditorIdentifier creditorId,
        MandateReference mandateReference,
        LocalDate signatureDate,
        MandateAmendment amendment,
        SequenceType sequenceType,
        MandateScheme scheme,
        LocalDate collectionDate,
        Debtor debtor,
        Remittance remittance) {

    public DirectDebit {
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(mandateReference, "mandateReference");
        Objects.requireNonNull(signatureDate, "signatureDate");
        Objects.requireNonNull(sequenceType, "sequenceType");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(collectionDate, "collectionDate");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(remittance, "remittance");
    }

    /** The collection {@code next} describes, on {@code mandate}, with the debtor's postal address if known. */
    public static DirectDebit of(Mandate mandate, NextCollection next, EndToEndId endToEndId, SepaAmount amount,
            Remittance remittance, PostalAddress debtorAddress) {
        Debtor debtor = new Debtor(mandate.debtorName(), mandate.debtorIban(), mandate.debtorBic(), debtorAddress);
        return new DirectDebit(endToEndId, amount, mandate.creditorId(), mandate.reference(), mandate.signatureDate(),
                next.amendment(), next.sequenceType(), mandate.scheme(), next.collectionDate(), debtor, remittance);
    }
}
