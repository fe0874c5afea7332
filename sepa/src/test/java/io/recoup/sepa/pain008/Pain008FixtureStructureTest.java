package io.recoup.sepa.pain008;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.Bic;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import io.recoup.sepa.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The php-sepa-xml fixtures (shared/fixtures/pain008) as a structural reference: our file for the same one-off
 * collection uses every element path they use, except the ones listed with the reason, and adds only the listed
 * ones. Their creditor identifier and creditor IBAN are made up (the check digits do not match), which our reader
 * reports as problems with line and path instead of failing.
 */
class Pain008FixtureStructureTest {

    @ParameterizedTest
    @CsvSource({"php-sepa-xml-pain.008.001.08.xml, V08", "php-sepa-xml-pain.008.001.02.xml, V02"})
    void usesTheElementPathsOfThePhpSepaXmlFixture(String fixture, Pain008Version version) throws Exception {
        Set<String> theirs = paths(Files.readAllBytes(TestCollections.fixtures().resolve("pain008").resolve(fixture)));
        Pain008Options options = (version == Pain008Version.V08 ? Pain008Options.germanDk() : Pain008Options.legacy02());
        Set<String> ours = paths(new Pain008Writer(options, TestCollections.CLOCK).write(sameCollection()).get(0).xml());

        Set<String> missing = new TreeSet<>(theirs);
        missing.removeAll(ours);
        Set<String> added = new TreeSet<>(ours);
        added.removeAll(theirs);

        String tx = "Document/CstmrDrctDbtInitn/PmtInf/DrctDbtTxInf/";
        String pmtInf = "Document/CstmrDrctDbtInitn/PmtInf/";
        if (version == Pain008Version.V08) {
            // UETR: optional, and not part of the EPC SDD IG; Flr: a floor Recoup does not keep.
            assertThat(missing).containsExactlyInAnyOrder(tx + "PmtId/UETR", tx + "Dbtr/PstlAdr/Flr");
            assertThat(added).containsExactlyInAnyOrder(pmtInf + "BtchBookg", tx + "DrctDbtTx/MndtRltdInf/AmdmntInd",
                    pmtInf + "Cdtr/PstlAdr", pmtInf + "Cdtr/PstlAdr/StrtNm", pmtInf + "Cdtr/PstlAdr/BldgNb",
                    pmtInf + "Cdtr/PstlAdr/PstCd", pmtInf + "Cdtr/PstlAdr/TwnNm", pmtInf + "Cdtr/PstlAdr/Ctry");
        } else {
            // 001.02 per EPC IG 9.x / DK: Ctry + two AdrLine instead of the structured elements ISO 2009 also allows.
            assertThat(missing).containsExactlyInAnyOrder(tx + "Dbtr/PstlAdr/StrtNm", tx + "Dbtr/PstlAdr/BldgNb",
                    tx + "Dbtr/PstlAdr/PstCd", tx + "Dbtr/PstlAdr/TwnNm");
            assertThat(added).containsExactlyInAnyOrder(pmtInf + "BtchBookg", tx + "DrctDbtTx/MndtRltdInf/AmdmntInd",
                    tx + "Dbtr/PstlAdr/AdrLine", pmtInf + "Cdtr/PstlAdr", pmtInf + "Cdtr/PstlAdr/Ctry",
                    pmtInf + "Cdtr/PstlAdr/AdrLine");
        }
    }

    @ParameterizedTest
    @CsvSource({"php-sepa-xml-pain.008.001.08.xml", "php-sepa-xml-pain.008.001.02.xml"})
    void readsThePhpFixtureAndReportsItsMadeUpIdentifiersWithLineAndPath(String fixture) throws IOException {
        Pain008Document read;
        try (InputStream in = Files.newInputStream(TestCollections.fixtures().resolve("pain008").resolve(fixture))) {
            read = new Pain008Reader().read(in, fixture);
        }

        assertThat(read.messageId()).isEqualTo("OurMessageIdentification");
        assertThat(read.numberOfTransactions()).isEqualTo(1);
        assertThat(read.controlSum()).isEqualByComparingTo("12.34");
        PaymentInstruction payment = read.payments().get(0);
        assertThat(payment.id()).isEqualTo("OurPaymentInfo");
        assertThat(payment.sequenceType()).isEqualTo(SequenceType.OOFF);
        assertThat(payment.scheme()).isEqualTo(MandateScheme.CORE);
        assertThat(payment.collectionDate()).isEqualTo(LocalDate.of(2025, 8, 19));
        assertThat(payment.creditor()).isNull();
        assertThat(read.problems()).extracting(problem -> problem.line() + " " + problem.path()).containsExactly(
                "54 /Document/CstmrDrctDbtInitn/PmtInf[1]/DrctDbtTxInf[1]", "13 /Document/CstmrDrctDbtInitn/PmtInf[1]");
        assertThat(read.problems()).allSatisfy(problem -> assertThat(problem.message()).containsAnyOf(
                "Invalid creditor identifier \"BG40ZZZ507778\"", "Invalid IBAN \"BG87200500001234567890\""));
    }

    @Test
    void refusesTheSwissVariantAndADoctype() throws IOException {
        Path swiss = TestCollections.fixtures().resolve("pain008/moov-six-pain008-musterfile.xml");
        try (InputStream in = Files.newInputStream(swiss)) {
            assertThatThrownBy(() -> new Pain008Reader().read(in, "six"))
                    .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE))
                    .hasMessageContaining("pain.008.001.02.ch.03");
        }
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.08\">&x;</Document>";
        assertThatThrownBy(() -> new Pain008Reader().read(new ByteArrayInputStream(doctype.getBytes()), "xxe"))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSAFE_XML));
    }

    /** The php fixture's one-off collection with Recoup's values (valid identifiers). */
    private static Pain008Message sameCollection() {
        Debtor debtor = new Debtor("John Doe", new io.recoup.sepa.Iban("DE87200500001234567890"), new Bic("BANKDEFFXXX"),
                PostalAddress.structured("Some Street", "12", "1000", "Nowhere", "BG"));
        DirectDebit debit = TestCollections.debit("PHP1", "12.34", SequenceType.OOFF, TestCollections.WEDNESDAY,
                MandateScheme.CORE, debtor, new Remittance.Unstructured("OurCorp Billing"), null);
        return new Pain008Message("OurMessageIdentification", "OurCorp", TestCollections.creditor(), List.of(debit));
    }

    /** Every element path (local names, no positions) in a document. */
    static Set<String> paths(byte[] xml) throws IOException, XMLStreamException {
        Set<String> paths = new TreeSet<>();
        XMLStreamReader reader = SafeXml.inputFactory().createXMLStreamReader(
                SafeXml.decodingReader(new ByteArrayInputStream(xml), "paths"));
        Deque<String> stack = new ArrayDeque<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                stack.addLast(reader.getLocalName());
                paths.add(String.join("/", stack));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                stack.removeLast();
            }
        }
        return paths;
    }
}
