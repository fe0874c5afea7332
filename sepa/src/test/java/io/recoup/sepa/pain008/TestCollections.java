package io.recoup.sepa.pain008;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.mandate.MandateAmendment;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.SAXException;

/** Test data builders and the check against the official ISO XSDs of the shared fixtures. */
final class TestCollections {
    /** Monday 23 November 2026, 09:30 in Berlin: the submission date of every test file. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneId.of("Europe/Berlin"));
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    static final LocalDate NEXT_TUESDAY = LocalDate.of(2026, 12, 1);
    static final CreditorIdentifier CI = new CreditorIdentifier("DE98ZZZ09999999999");
    static final SchemaSource OFFICIAL = SchemaSource.directory(fixtures().resolve("xsd"));

    private TestCollections() {
    }

    static Path fixtures() {
        String root = System.getProperty("recoup.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property recoup.fixtures is not set (surefire sets it)");
        }
        return Path.of(root);
    }

    static Creditor creditor() {
        return new Creditor("Recoup Demo GmbH", new Iban("DE89370400440532013000"), new Bic("COBADEFFXXX"), CI,
                PostalAddress.structured("Hauptstrasse", "1", "10115", "Berlin", "DE"));
    }

    static Debtor debtor(String name, PostalAddress address) {
        return new Debtor(name, new Iban("DE02120300000000202051"), new Bic("BYLADEM1001"), address);
    }

    static DirectDebit debit(String collection, String amount, SequenceType sequence, LocalDate date,
            MandateScheme scheme, Debtor debtor, Remittance remittance, MandateAmendment amendment) {
        return new DirectDebit(EndToEndId.forCollection(collection, 1), SepaAmount.of(amount), CI,
                new MandateReference("M-" + collection), LocalDate.of(2025, 6, 30), amendment, sequence, scheme, date,
                debtor, remittance);
    }

    static DirectDebit simple(String collection, String amount, SequenceType sequence, LocalDate date) {
        return debit(collection, amount, sequence, date, MandateScheme.CORE,
                debtor("Erika Mustermann", PostalAddress.structured("Musterweg", "12a", "80331", "Muenchen", "DE")),
                new Remittance.Structured(CreditorReference.forBody("INV" + collection)), null);
    }

    /** Six collections in four blocks: FRST/RCUR on two dates, CORE and B2B, RF and text, one amended. */
    static Pain008Message mixed() {
        List<DirectDebit> debits = new ArrayList<>();
        debits.add(simple("A1", "10.00", SequenceType.RCUR, WEDNESDAY));
        debits.add(simple("A2", "20.50", SequenceType.FRST, WEDNESDAY));
        debits.add(simple("A3", "0.01", SequenceType.RCUR, WEDNESDAY));
        debits.add(debit("A4", "999999999.99", SequenceType.RCUR, NEXT_TUESDAY, MandateScheme.B2B,
                debtor("Beispiel AG", PostalAddress.structured("Industriestrasse", "7", "20095", "Hamburg", "DE")),
                new Remittance.Unstructured("Invoice 2026-0042 of 2026-11-02"), null));
        debits.add(debit("A5", "42.00", SequenceType.RCUR, NEXT_TUESDAY, MandateScheme.CORE,
                debtor("Hans Meier", null), new Remittance.Unstructured("Subscription December"),
                new MandateAmendment(new MandateReference("OLD-REF-1"), CreditorIdentifier.of("DE", "ZZZ", "01234567890"),
                        new Iban("DE62370400440532013001"), false)));
        debits.add(simple("A6", "7.77", SequenceType.FRST, WEDNESDAY));
        return new Pain008Message("RCP-20261123-0001", "Recoup Demo GmbH", creditor(), debits);
    }

    /** Validates against the official ISO XSD of shared/fixtures/xsd, independent of the writer's own schema. */
    static void assertValidAgainstOfficialXsd(Pain008File file) {
        try {
            OFFICIAL.schema(file.version()).newValidator().validate(new StreamSource(new ByteArrayInputStream(file.xml())));
        } catch (SAXException | IOException e) {
            throw new AssertionError(file + " fails the official " + file.version().messageName() + ".xsd: "
                    + e.getMessage() + "\n" + file.xmlText(), e);
        }
        assertThat(file.xmlText()).contains("xmlns=\"" + file.version().namespace() + "\"");
    }

    static Pain008Document readBack(Pain008File file) {
        return new Pain008Reader().read(new ByteArrayInputStream(file.xml()), file.fileName());
    }
}
