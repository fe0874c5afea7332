package io.recoup.sepa.pain008;

import static io.recoup.sepa.pain008.TestCollections.CLOCK;
import static io.recoup.sepa.pain008.TestCollections.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateAmendment;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateState;
import io.recoup.sepa.mandate.MandateType;
import io.recoup.sepa.mandate.NextCollection;
import io.recoup.sepa.mandate.SequenceType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Write, validate, read back, compare every field: the reader is the writer's independent check. */
class Pain008RoundTripTest {

    @Test
    void readsBackEveryFieldOfA08FileWithStructuredAddresses() {
        Pain008Message message = TestCollections.mixed();

        List<Pain008Document> read = new Pain008Writer(Pain008Options.germanDk(), CLOCK).write(message).stream()
                .map(TestCollections::readBack).toList();

        assertThat(read).flatExtracting(Pain008Document::problems).isEmpty();
        assertThat(read).extracting(Pain008Document::version).containsOnly(Pain008Version.V08);
        assertThat(read).extracting(document -> document.toMessage().messageId())
                .containsExactly(message.messageId() + "-1", message.messageId() + "-2");
        assertThat(read).extracting(document -> document.toMessage().creditor()).containsOnly(message.creditor());
        assertThat(read).flatExtracting(Pain008Document::debits).containsExactlyInAnyOrderElementsOf(message.debits());
    }

    @Test
    void readsBackHybridAddressesOf08Unchanged() {
        Pain008Message message = messageWithAddress(PostalAddress.hybrid("80331", "Muenchen", "DE", List.of("Musterweg 12a", "c/o Meier")));

        Pain008File file = new Pain008Writer(Pain008Options.defaults(), CLOCK).write(message).get(0);

        assertThat(TestCollections.readBack(file).toMessage()).isEqualTo(message);
    }

    @Test
    void readsBack02AddressesAsCountryAndTwoLines() {
        Pain008Message message = messageWithAddress(PostalAddress.structured("Musterweg", "12a", "80331", "Muenchen", "DE"));

        Pain008File file = new Pain008Writer(Pain008Options.legacy02(), CLOCK).write(message).get(0);
        DirectDebit read = TestCollections.readBack(file).debits().get(0);

        TestCollections.assertValidAgainstOfficialXsd(file);
        assertThat(read.debtor().address()).isEqualTo(PostalAddress.unstructured("DE", List.of("Musterweg 12a", "80331 Muenchen")));
        assertThat(read).usingRecursiveComparison().ignoringFields("debtor.address", "creditor")
                .isEqualTo(message.debits().get(0));
    }

    @Test
    void readsBackAChangeOfDebtorBankAsSmnda() {
        DirectDebit moved = TestCollections.debit("S1", "5.00", SequenceType.FRST, WEDNESDAY, MandateScheme.CORE,
                TestCollections.debtor("Erika", null), new Remittance.Unstructured("x"),
                new MandateAmendment(null, null, new io.recoup.sepa.Iban("DE89370400440532013000"), true));
        Pain008Message message = new Pain008Message("RCP-S", "Recoup", TestCollections.creditor(), List.of(moved));

        Pain008File file = new Pain008Writer(Pain008Options.defaults(), CLOCK).write(message).get(0);
        MandateAmendment read = TestCollections.readBack(file).debits().get(0).amendment();

        assertThat(file.xmlText().replaceAll(">\\s+<", "><")).contains("<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>");
        assertThat(read).isEqualTo(new MandateAmendment(null, null, null, true));
    }

    @Test
    void carriesAMandateFromSignatureThroughAmendmentIntoTheFileAndBack() {
        Mandate mandate = Mandate.create(TestCollections.CI, new io.recoup.sepa.MandateReference("M-2026-0077"),
                "Erika Mustermann", new io.recoup.sepa.Iban("DE89370400440532013000"), null, MandateScheme.CORE,
                MandateType.RECURRENT).sign(java.time.LocalDate.of(2026, 1, 5));
        mandate = mandate.collected(mandate.nextCollection(java.time.LocalDate.of(2026, 2, 2), false))
                .amendIban(new io.recoup.sepa.Iban("DE62370400440532013001"), null);
        NextCollection next = mandate.nextCollection(WEDNESDAY, false);
        DirectDebit debit = DirectDebit.of(mandate, next, EndToEndId.forCollection("INV77", 1), SepaAmount.of("49.90"),
                new Remittance.Unstructured("Invoice 77"), null);

        Pain008File file = new Pain008Writer(Pain008Options.defaults(), CLOCK)
                .write(new Pain008Message("RCP-77", "Recoup Demo GmbH", TestCollections.creditor(), List.of(debit))).get(0);
        Mandate after = mandate.collected(next);

        TestCollections.assertValidAgainstOfficialXsd(file);
        DirectDebit read = TestCollections.readBack(file).debits().get(0);
        assertThat(read).isEqualTo(debit);
        assertThat(read.sequenceType()).isEqualTo(SequenceType.RCUR);
        assertThat(read.amendment().originalDebtorIban().value()).isEqualTo("DE89370400440532013000");
        assertThat(after.state()).isEqualTo(MandateState.ACTIVE);
        assertThat(after.pendingAmendment()).isNull();
    }

    @Test
    void roundTripsRandomCollectionsInBothVersions() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 20; round++) {
            List<DirectDebit> debits = new java.util.ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                SequenceType type = SequenceType.values()[random.nextInt(4)];
                String amount = (1 + random.nextInt(99_999)) + "." + String.format("%02d", random.nextInt(100));
                debits.add(TestCollections.debit("R" + round + "X" + i, amount, type,
                        random.nextBoolean() ? WEDNESDAY : TestCollections.NEXT_TUESDAY,
                        random.nextBoolean() ? MandateScheme.CORE : MandateScheme.B2B,
                        TestCollections.debtor("Debtor " + i, null),
                        random.nextBoolean() ? new Remittance.Unstructured("Text " + i)
                                : new Remittance.Structured(io.recoup.sepa.CreditorReference.forBody("R" + i)), null));
            }
            Pain008Message message = new Pain008Message("RCP-R" + round, "Recoup", TestCollections.creditor(), debits);
            for (Pain008Options options : List.of(Pain008Options.germanDk(), Pain008Options.legacy02())) {
                List<Pain008File> files = new Pain008Writer(options, CLOCK).write(message);
                files.forEach(TestCollections::assertValidAgainstOfficialXsd);
                List<Pain008Document> read = files.stream().map(TestCollections::readBack).toList();
                assertThat(read).flatExtracting(Pain008Document::debits).containsExactlyInAnyOrderElementsOf(debits);
                assertThat(read).flatExtracting(Pain008Document::payments).allSatisfy(payment ->
                        assertThat(payment.debits()).allSatisfy(debit -> {
                            assertThat(debit.sequenceType()).isEqualTo(payment.sequenceType());
                            assertThat(debit.collectionDate()).isEqualTo(payment.collectionDate());
                            assertThat(debit.scheme()).isEqualTo(payment.scheme());
                        }));
            }
        }
    }

    private static Pain008Message messageWithAddress(PostalAddress address) {
        DirectDebit debit = TestCollections.debit("H1", "12.34", SequenceType.OOFF, WEDNESDAY, MandateScheme.CORE,
                TestCollections.debtor("Erika Mustermann", address), new Remittance.Unstructured("Invoice H1"), null);
        Creditor creditor = TestCollections.creditor();
        Creditor hybridCreditor = new Creditor(creditor.name(), creditor.iban(), creditor.bic(), creditor.creditorId(),
                PostalAddress.hybrid("10115", "Berlin", "DE", List.of("Hauptstrasse 1")));
        return new Pain008Message("RCP-H", "Recoup Demo GmbH", hybridCreditor, List.of(debit));
    }
}
