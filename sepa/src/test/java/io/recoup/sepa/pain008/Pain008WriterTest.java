package io.recoup.sepa.pain008;

import static io.recoup.sepa.pain008.TestCollections.CLOCK;
import static io.recoup.sepa.pain008.TestCollections.NEXT_TUESDAY;
import static io.recoup.sepa.pain008.TestCollections.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Pain008WriterTest {

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("defaults (001.08, hybrid)", Pain008Options.defaults()),
                Arguments.of("German DK (001.08, structured, DK charset)", Pain008Options.germanDk()),
                Arguments.of("001.08 without addresses", Pain008Options.defaults().withAddressStyle(AddressStyle.NONE)),
                Arguments.of("legacy 001.02", Pain008Options.legacy02()),
                Arguments.of("001.02 IBAN-only", Pain008Options.defaults().withVersion(Pain008Version.V02)));
    }

    /** The XML without the indentation between elements, so assertions do not depend on nesting depth. */
    private static String compact(Pain008File file) {
        return file.xmlText().replaceAll(">\\s+<", "><");
    }

    private static List<Pain008File> write(Pain008Options options, Pain008Message message) {
        return new Pain008Writer(options, CLOCK).write(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void writesFilesThatTheOfficialXsdAccepts(String dialect, Pain008Options options) {
        List<Pain008File> files = write(options, TestCollections.mixed());

        assertThat(files).hasSize(2);
        files.forEach(TestCollections::assertValidAgainstOfficialXsd);
        assertThat(files).extracting(Pain008File::version).containsOnly(options.version());
    }

    @Test
    void writesOneMessagePerLocalInstrument() {
        List<Pain008File> files = write(Pain008Options.defaults(), TestCollections.mixed());

        // EPC and the DK schema (PmtTpInf/LclInstrm): no mixing of local instruments in the same message
        assertThat(files).extracting(Pain008File::messageId, Pain008File::scheme, Pain008File::numberOfTransactions)
                .containsExactly(tuple("RCP-20261123-0001-1", MandateScheme.CORE, 5),
                        tuple("RCP-20261123-0001-2", MandateScheme.B2B, 1));
        for (Pain008File file : files) {
            assertThat(TestCollections.readBack(file).payments()).extracting(PaymentInstruction::scheme)
                    .containsOnly(file.scheme());
        }
        assertThat(files.stream().flatMap(file -> TestCollections.readBack(file).debits().stream()))
                .extracting(DirectDebit::endToEndId)
                .containsExactlyInAnyOrderElementsOf(TestCollections.mixed().debits().stream().map(DirectDebit::endToEndId).toList());
    }

    @Test
    void groupsCollectionsIntoOneBlockPerDateSchemeAndSequenceType() {
        List<Pain008File> files = write(Pain008Options.defaults(), TestCollections.mixed());

        Pain008Document core = TestCollections.readBack(files.get(0));
        Pain008Document b2b = TestCollections.readBack(files.get(1));

        assertThat(core.payments()).extracting(PaymentInstruction::id, PaymentInstruction::collectionDate,
                PaymentInstruction::scheme, PaymentInstruction::sequenceType, PaymentInstruction::numberOfTransactions,
                PaymentInstruction::controlSum).containsExactly(
                tuple("RCP-20261123-0001-1-P1", WEDNESDAY, MandateScheme.CORE, SequenceType.FRST, 2, new BigDecimal("28.27")),
                tuple("RCP-20261123-0001-1-P2", WEDNESDAY, MandateScheme.CORE, SequenceType.RCUR, 2, new BigDecimal("10.01")),
                tuple("RCP-20261123-0001-1-P3", NEXT_TUESDAY, MandateScheme.CORE, SequenceType.RCUR, 1, new BigDecimal("42.00")));
        assertThat(b2b.payments()).extracting(PaymentInstruction::id, PaymentInstruction::scheme,
                PaymentInstruction::controlSum).containsExactly(
                tuple("RCP-20261123-0001-2-P1", MandateScheme.B2B, new BigDecimal("999999999.99")));
        assertThat(core.payments().get(0).debits()).extracting(debit -> debit.endToEndId().value())
                .containsExactly("RCP-CA2-1", "RCP-CA6-1");
        assertThat(files.get(0).paymentInformationIds()).hasSize(3);
    }

    @Test
    void writesTheGroupHeaderFromTheClockAndTheCollections() {
        Pain008File file = write(Pain008Options.defaults(), TestCollections.mixed()).get(0);

        Pain008Document read = TestCollections.readBack(file);

        assertThat(read.messageId()).isEqualTo("RCP-20261123-0001-1");
        assertThat(read.creationDateTime()).isEqualTo("2026-11-23T09:30:00+01:00");
        assertThat(read.numberOfTransactions()).isEqualTo(5);
        assertThat(read.controlSum()).isEqualByComparingTo("80.28");
        assertThat(file.controlSum()).isEqualByComparingTo("80.28");
        assertThat(read.initiatingPartyName()).isEqualTo("Recoup Demo GmbH");
        assertThat(read.payments()).allSatisfy(payment -> assertThat(payment.batchBooking()).isTrue());
    }

    @Test
    void writesTheAgentAsBicfiIn08AndBicIn02OrNotProvidedWhenIbanOnly() {
        Pain008Message ibanOnly = withCreditorBic(null);

        String v08 = write(Pain008Options.defaults(), TestCollections.mixed()).get(0).xmlText();
        String v02 = write(Pain008Options.legacy02(), TestCollections.mixed()).get(0).xmlText();
        Pain008File noBic = write(Pain008Options.defaults().withVersion(Pain008Version.V02), ibanOnly).get(0);

        assertThat(v08).contains("<BICFI>COBADEFFXXX</BICFI>").doesNotContain("<BIC>");
        assertThat(v02).contains("<BIC>COBADEFFXXX</BIC>").doesNotContain("<BICFI>");
        assertThat(compact(noBic)).contains("<CdtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></CdtrAgt>");
        TestCollections.assertValidAgainstOfficialXsd(noBic);
    }

    @Test
    void writesTheCreditorSchemeIdentificationWithSchemeNameSepa() {
        String xml = write(Pain008Options.defaults(), TestCollections.mixed()).get(0).xmlText();

        assertThat(xml).contains("<CdtrSchmeId>\n        <Id>\n          <PrvtId>\n            <Othr>\n"
                + "              <Id>DE98ZZZ09999999999</Id>\n              <SchmeNm>\n                <Prtry>SEPA</Prtry>");
        assertThat(xml).contains("<SvcLvl>\n          <Cd>SEPA</Cd>").contains("<PmtMtd>DD</PmtMtd>")
                .contains("<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>").contains("<ChrgBr>SLEV</ChrgBr>");
    }

    @Test
    void writesAmendmentDetailsForTheAmendedMandate() {
        String xml = compact(write(Pain008Options.defaults(), TestCollections.mixed()).get(0));

        assertThat(xml).contains("<MndtId>M-A5</MndtId><DtOfSgntr>2025-06-30</DtOfSgntr><AmdmntInd>true</AmdmntInd>"
                + "<AmdmntInfDtls><OrgnlMndtId>OLD-REF-1</OrgnlMndtId><OrgnlCdtrSchmeId><Id><PrvtId><Othr>"
                + "<Id>DE79ZZZ01234567890</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>"
                + "</OrgnlCdtrSchmeId><OrgnlDbtrAcct><Id><IBAN>DE62370400440532013001</IBAN></Id></OrgnlDbtrAcct>"
                + "</AmdmntInfDtls>");
        assertThat(xml.split("<AmdmntInd>false</AmdmntInd>", -1)).as("four of the five CORE collections").hasSize(5);
    }

    @Test
    void writesDebtorAddressesStructuredHybridOrAsAddressLinesIn02() {
        String structured = write(Pain008Options.germanDk(), TestCollections.mixed()).get(0).xmlText();
        String hybrid = write(Pain008Options.defaults(), TestCollections.mixed()).get(0).xmlText();
        String lines02 = write(Pain008Options.legacy02(), TestCollections.mixed()).get(0).xmlText();

        assertThat(structured).contains("<StrtNm>Musterweg</StrtNm>\n            <BldgNb>12a</BldgNb>\n"
                + "            <PstCd>80331</PstCd>\n            <TwnNm>Muenchen</TwnNm>\n            <Ctry>DE</Ctry>");
        assertThat(hybrid).contains("<PstCd>80331</PstCd>\n            <TwnNm>Muenchen</TwnNm>\n"
                + "            <Ctry>DE</Ctry>\n            <AdrLine>Musterweg 12a</AdrLine>");
        assertThat(lines02).contains("<Ctry>DE</Ctry>\n            <AdrLine>Musterweg 12a</AdrLine>\n"
                + "            <AdrLine>80331 Muenchen</AdrLine>").doesNotContain("<TwnNm>");
    }

    @Test
    void splitsAMessageAboveTheBanksMaximumIntoNumberedFiles() {
        List<Pain008File> files = write(Pain008Options.defaults().withMaxTransactionsPerFile(4), TestCollections.mixed());

        assertThat(files).extracting(Pain008File::messageId, Pain008File::scheme, Pain008File::numberOfTransactions)
                .containsExactly(tuple("RCP-20261123-0001-1", MandateScheme.CORE, 4),
                        tuple("RCP-20261123-0001-2", MandateScheme.CORE, 1),
                        tuple("RCP-20261123-0001-3", MandateScheme.B2B, 1));
        files.forEach(TestCollections::assertValidAgainstOfficialXsd);
        assertThat(files.get(1).paymentInformationIds()).first().isEqualTo("RCP-20261123-0001-2-P1");
    }

    @Test
    void givesEveryPaymentBlockAnIdOfItsOwnAcrossSplitFilesWhenTheMessageIdIsLong() {
        String longId = "RCP-D20261123-SUBMISSION-RUN-000042";
        List<DirectDebit> core = TestCollections.mixed().debits().stream()
                .filter(debit -> debit.scheme() == MandateScheme.CORE).toList();
        Pain008Message message = new Pain008Message(longId, "Recoup Demo GmbH", TestCollections.creditor(), core);

        List<Pain008File> files = write(Pain008Options.defaults().withMaxTransactionsPerFile(2), message);

        assertThat(longId).hasSize(35);
        assertThat(files).hasSize(3);
        List<String> blockIds = files.stream().flatMap(file -> file.paymentInformationIds().stream()).toList();
        assertThat(blockIds).hasSize(3).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(35));
        assertThat(files.stream().flatMap(file -> TestCollections.readBack(file).payments().stream()))
                .extracting(PaymentInstruction::id).containsExactlyElementsOf(blockIds);
        assertThat(files).extracting(Pain008File::messageId).doesNotHaveDuplicates();
        files.forEach(TestCollections::assertValidAgainstOfficialXsd);
    }

    @Test
    void keepsBlockIdsDistinctForMessageIdsOfEveryLengthUpTo35AndTwoDigitFileNumbers() {
        List<DirectDebit> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(TestCollections.simple("L" + i, "1.00", i % 2 == 0 ? SequenceType.RCUR : SequenceType.FRST, WEDNESDAY));
        }
        for (int length = 20; length <= 35; length++) {
            String id = "RCP-" + "9".repeat(length - 4);
            Pain008Message message = new Pain008Message(id, "Recoup Demo GmbH", TestCollections.creditor(), twelve);

            List<String> blockIds = write(Pain008Options.defaults().withMaxTransactionsPerFile(1), message).stream()
                    .flatMap(file -> file.paymentInformationIds().stream()).toList();

            assertThat(blockIds).as("message id of %d characters", length).hasSize(12).doesNotHaveDuplicates()
                    .allSatisfy(blockId -> assertThat(blockId).hasSizeLessThanOrEqualTo(35));
        }
    }

    /** The second case types é and ü as base letter plus combining mark: NFC first makes them the letters. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Jürgen Weiß & Söhne|<Nm>Juergen Weiss + Soehne</Nm>|<Nm>Jürgen Weiß &amp; Söhne</Nm>",
            "Jose\u0301 Mu\u0308ller|<Nm>Jose Mueller</Nm>|<Nm>Jose Müller</Nm>"})
    void transliteratesNamesIntoTheBasicSetOrKeepsUmlautsForDkBanks(String name, String basicName, String dkName) {
        Pain008Message message = messageWithDebtorName(name);

        String basic = write(Pain008Options.defaults(), message).get(0).xmlText();
        Pain008File dk = write(Pain008Options.germanDk(), message).get(0);

        assertThat(basic).contains(basicName);
        assertThat(dk.xmlText()).contains(dkName);
        TestCollections.assertValidAgainstOfficialXsd(dk);
    }

    @Test
    void refusesTextThatCannotBeBroughtIntoTheCharacterSet() {
        assertRefused(() -> write(Pain008Options.defaults(), messageWithDebtorName("Иван Петров")),
                SepaErrorCode.INVALID_TEXT, "debtor name \"Иван Петров\" has characters outside the accepted set");
        assertRefused(() -> write(Pain008Options.defaults().withCharsetPolicy(CharsetPolicy.REFUSE),
                messageWithDebtorName("Jürgen")), SepaErrorCode.INVALID_TEXT, "debtor");
    }

    @Test
    void convertsNoBreakSpacesSoftHyphensAndOtherCommonCharactersInsteadOfRefusing() {
        DirectDebit debit = TestCollections.debit("C1", "5.00", SequenceType.FRST, WEDNESDAY, MandateScheme.CORE,
                TestCollections.debtor("Yılmaz\u00A0Gra\uFB01k", null),
                new Remittance.Unstructured("Rechnung\u00A0Nr.\u00A042, Schul\u00ADgeld \u2026 \u00A7 288, 1\u00B0 piano"),
                null);

        Pain008File file = write(Pain008Options.defaults(), new Pain008Message("RCP-4", "Recoup Demo GmbH",
                TestCollections.creditor(), List.of(debit))).get(0);

        assertThat(file.xmlText()).contains("<Nm>Yilmaz Grafik</Nm>")
                .contains("<Ustrd>Rechnung Nr. 42, Schulgeld ... Par. 288, 1o piano</Ustrd>");
        TestCollections.assertValidAgainstOfficialXsd(file);
    }

    @Test
    void namesTheFieldAndTheCodePointOfACharacterItCannotConvert() {
        assertRefused(() -> write(Pain008Options.defaults(), messageWithDebtorName("Ivan Петров")),
                SepaErrorCode.INVALID_TEXT, "the debtor name \"Ivan Петров\" has characters outside the accepted set"
                        + " (TRANSLITERATE) that cannot be transliterated, first 'П' (U+041F CYRILLIC CAPITAL LETTER PE)");
        assertRefused(() -> write(Pain008Options.defaults().withCharsetPolicy(CharsetPolicy.REFUSE),
                messageWithDebtorName("Jose\u0301")), SepaErrorCode.INVALID_TEXT,
                "first 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)");
    }

    @Test
    void refusesACollectionDateLessThanOneTargetBusinessDayAhead() {
        Pain008Message today = new Pain008Message("RCP-1", "Recoup Demo GmbH", TestCollections.creditor(),
                List.of(TestCollections.simple("B1", "1.00", SequenceType.RCUR, LocalDate.of(2026, 11, 23))));

        assertRefused(() -> write(Pain008Options.defaults(), today), SepaErrorCode.COLLECTION_DATE_TOO_EARLY,
                "the earliest is 2026-11-24");
    }

    @Test
    void refusesACollectionOfAnotherCreditorIdentifier() {
        DirectDebit other = TestCollections.simple("B2", "1.00", SequenceType.RCUR, WEDNESDAY);
        DirectDebit foreign = new DirectDebit(other.endToEndId(), other.amount(), CreditorIdentifier.of("DE", "ZZZ", "123"),
                other.mandateReference(), other.signatureDate(), null, other.sequenceType(), other.scheme(),
                other.collectionDate(), other.debtor(), other.remittance());

        assertRefused(() -> write(Pain008Options.defaults(), new Pain008Message("RCP-2", "Recoup", TestCollections.creditor(),
                List.of(foreign))), SepaErrorCode.INVALID_COLLECTION, "the file is for DE98ZZZ09999999999");
    }

    @Test
    void refusesADebtorOutsideTheEeaWithoutAddressOrBic() {
        Debtor swissNoAddress = new Debtor("Maria Bernasconi", new Iban("CH5109000000250092291"), new Bic("POFICHBEXXX"), null);
        Debtor swissNoBic = new Debtor("Maria Bernasconi", new Iban("CH5109000000250092291"), null,
                PostalAddress.structured("Place de la Gare", "12", "2502", "Biel", "CH"));

        assertRefused(() -> write(Pain008Options.defaults(), messageWith(swissNoAddress)), SepaErrorCode.INVALID_COLLECTION,
                "needs a postal address");
        assertRefused(() -> write(Pain008Options.defaults(), messageWith(swissNoBic)), SepaErrorCode.INVALID_COLLECTION,
                "must be given by BIC");
        Debtor swiss = new Debtor("Maria Bernasconi", new Iban("CH5109000000250092291"), new Bic("POFICHBEXXX"),
                PostalAddress.structured("Place de la Gare", "12", "2502", "Biel", "CH"));
        TestCollections.assertValidAgainstOfficialXsd(write(Pain008Options.germanDk(), messageWith(swiss)).get(0));
    }

    @Test
    void refusesMissingBicsWhenTheBankRequiresThem() {
        assertRefused(() -> write(Pain008Options.legacy02(), withCreditorBic(null)), SepaErrorCode.INVALID_COLLECTION,
                "the bank requires BICs");
    }

    @Test
    void refusesAddressesTheDialectCannotCarry() {
        Debtor unstructured = TestCollections.debtor("Erika", PostalAddress.unstructured("DE", List.of("Musterweg 12a", "80331 Muenchen")));
        Debtor hybrid = TestCollections.debtor("Erika", PostalAddress.hybrid("80331", "Muenchen", "DE", List.of("Musterweg 12a")));

        assertRefused(() -> write(Pain008Options.defaults(), messageWith(unstructured)), SepaErrorCode.INVALID_COLLECTION,
                "no longer allowed from 15 November 2026");
        assertRefused(() -> write(Pain008Options.germanDk(), messageWith(hybrid)), SepaErrorCode.INVALID_COLLECTION,
                "wants fully structured addresses");
        TestCollections.assertValidAgainstOfficialXsd(write(Pain008Options.legacy02(), messageWith(unstructured)).get(0));
    }

    private static Pain008Message messageWithDebtorName(String name) {
        return messageWith(TestCollections.debtor(name, PostalAddress.structured("Musterweg", "1", "80331", "München", "DE")));
    }

    private static Pain008Message messageWith(Debtor debtor) {
        DirectDebit debit = TestCollections.debit("C1", "5.00", SequenceType.FRST, WEDNESDAY, MandateScheme.CORE, debtor,
                new Remittance.Unstructured("Rechnung 1"), null);
        return new Pain008Message("RCP-3", "Recoup Demo GmbH", TestCollections.creditor(), List.of(debit));
    }

    private static Pain008Message withCreditorBic(Bic bic) {
        Creditor creditor = TestCollections.creditor();
        Pain008Message mixed = TestCollections.mixed();
        return new Pain008Message(mixed.messageId(), mixed.initiatingPartyName(),
                new Creditor(creditor.name(), creditor.iban(), bic, creditor.creditorId(), creditor.address()),
                new ArrayList<>(mixed.debits()));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, SepaErrorCode code,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
