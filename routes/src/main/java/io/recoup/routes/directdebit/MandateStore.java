package io.recoup.routes.directdebit;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateAmendment;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateState;
import io.recoup.sepa.mandate.MandateType;
import io.recoup.sepa.pain008.PostalAddress;
import io.recoup.store.directdebit.MandateRepository;
import io.recoup.store.directdebit.MandateRow;
import io.recoup.store.directdebit.StoredMandate;
import java.util.Optional;

/**
 * Mandates as the sepa module's {@link Mandate}: each read checks the stored values again (identifiers, IBAN,
 * lifecycle invariants), each write stores what the lifecycle produced. The postal address, which the mandate value
 * does not carry, is kept beside it.
 */
public final class MandateStore {
    /** A mandate with its row id, its customer and the debtor's address (null when none is known). */
    public record Held(long id, long customerId, Mandate mandate, PostalAddress address) {}

    private final MandateRepository repository;

    public MandateStore(MandateRepository repository) {
        this.repository = repository;
    }

    /** Stores a mandate the customer signed (or will sign); returns its id. */
    public long register(long customerId, Mandate mandate, PostalAddress address) {
        return repository.insert(customerId, row(mandate, address));
    }

    public Held get(long id) {
        return held(repository.get(id));
    }

    /** Locked until the transaction ends, so two instances never move the same mandate at once. */
    public Held getForUpdate(long id) {
        return held(repository.getForUpdate(id));
    }

    public Optional<Held> find(CreditorIdentifier creditorId, MandateReference reference) {
        return repository.find(creditorId.value(), reference.value()).map(MandateStore::held);
    }

    /** Stores what the mandate became; the address stays as registered. */
    public void update(long id, Mandate mandate) {
        repository.update(id, row(mandate, null));
    }

    static Held held(StoredMandate stored) {
        MandateRow v = stored.values();
        MandateRow.Amendment a = v.amendment();
        MandateAmendment amendment = a == null ? null : new MandateAmendment(
                a.originalReference() == null ? null : new MandateReference(a.originalReference()),
                a.originalCreditorId() == null ? null : new CreditorIdentifier(a.originalCreditorId()),
                a.originalDebtorIban() == null ? null : Iban.parse(a.originalDebtorIban()), a.debtorBankChanged());
        Mandate mandate = new Mandate(new CreditorIdentifier(v.creditorId()), new MandateReference(v.reference()),
                v.debtorName(), Iban.parse(v.debtorIban()), v.debtorBic() == null ? null : Bic.parse(v.debtorBic()),
                v.signatureDate(), MandateScheme.valueOf(v.scheme()), MandateType.valueOf(v.type()), v.lastCollectionDate(),
                amendment, MandateState.valueOf(v.state()));
        MandateRow.Address ad = v.address();
        PostalAddress address = ad == null ? null
                : PostalAddress.structured(ad.street(), ad.building(), ad.postCode(), ad.town(), ad.country());
        return new Held(stored.id(), stored.customerId(), mandate, address);
    }

    static MandateRow row(Mandate m, PostalAddress address) {
        if (address != null && (address.isUnstructured() || !address.addressLines().isEmpty())) {
            // only the structured form is stored; free lines would be lost on the way back
            throw new IllegalArgumentException("mandate " + m.reference() + ": give the debtor's address structured "
                    + "(street, building, post code, town, country), not as address lines");
        }
        MandateAmendment a = m.pendingAmendment();
        return new MandateRow(m.creditorId().value(), m.reference().value(), m.debtorName(), m.debtorIban().value(),
                m.debtorBic() == null ? null : m.debtorBic().value(), m.signatureDate(), m.scheme().name(), m.type().name(),
                m.state().name(), m.lastCollectionDate(),
                a == null ? null : new MandateRow.Amendment(
                        a.originalReference() == null ? null : a.originalReference().value(),
                        a.originalCreditorId() == null ? null : a.originalCreditorId().value(),
                        a.originalDebtorIban() == null ? null : a.originalDebtorIban().value(), a.debtorBankChanged()),
                address == null ? null : new MandateRow.Address(address.streetName(), address.buildingNumber(),
                        address.postCode(), address.townName(), address.country()));
    }
}
