package io.recoup.sepa.pain002;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class Pain002ReaderTest {

    static Path fixture(String name) {
        return Path.of(System.getProperty("recoup.fixtures")).resolve("pain008").resolve(name);
    }

    static Pain002Report read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Pain002Reader().read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pain002Report resource(String path) {
        try (InputStream in = Pain002ReaderTest.class.getResourceAsStream("/" + path)) {
            return new Pain002Reader().read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsThePostFinanceRejectWithAc01AndNarr() {
        Pain002Report report = read(fixture("moov-postfinance-pain002-rjct.xml"));

        assertThat(report.messageName()).isEqualTo("pain.002.001.03.ch.02");
        assertThat(report.messageId()).isEqualTo("20180326375204011678275");
        assertThat(report.creationDateTime()).isEqualTo("2018-03-26T12:09:48");
        assertThat(report.originalMessageId()).isEqualTo("MsgId-006");
        assertThat(report.originalMessageNameId()).isEqualTo("pain.001.001.03.ch.02");
        assertThat(report.groupStatus()).isNull();
        PaymentStatus payment = report.payments().get(0);
        assertThat(payment.originalPaymentInformationId()).isEqualTo("PmtInfId-006-01");
        assertThat(payment.status()).isEqualTo("RJCT");
        assertThat(payment.reasons()).containsExactly(
                new StatusReason("NARR", null, List.of("1297193;Sammelauftrag ohne ausführbaren Einzelauftrag")));
        assertThat(report.rejections()).extracting(TransactionStatus::originalInstructionId,
                TransactionStatus::originalEndToEndId, TransactionStatus::status, TransactionStatus::reasonCode)
                .containsExactly(tuple("InstrId-006-01-01", "EndToEndId-006-01-01", "RJCT", "AC01"));
        assertThat(report.transactions().get(0).reasons().get(0).additionalInfo()).containsExactly("1301813;Konto ungültig");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void readsThePostFinanceDirectDebitAcceptance() {
        Pain002Report report = read(fixture("moov-postfinance-pain002-chdd.xml"));

        assertThat(report.originalMessageId()).isEqualTo("MsgId-CHDD-Musterfile");
        assertThat(report.originalMessageNameId()).isEqualTo("pain.008.001.02.ch.03");
        assertThat(report.payments()).extracting(PaymentStatus::originalPaymentInformationId, PaymentStatus::status)
                .containsExactly(tuple("PmtInfId-CHDD-1", "ACCP"));
        assertThat(report.transactions()).isEmpty();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void readsTheGermanVerificationOfPayeeStatusOf10() {
        Pain002Report report = read(fixture("hbci4java-pain.002.001.10-rvmc.xml"));

        assertThat(report.messageName()).isEqualTo("pain.002.001.10");
        assertThat(report.messageId()).isEqualTo("8fe2133db36b4026ba7d6766583d434e");
        assertThat(report.groupStatus()).isEqualTo("RVMC");
        assertThat(report.groupReasons()).hasSize(1);
        assertThat(report.groupReasons().get(0).additionalInfo()).hasSize(4).first().asString().startsWith("RVNM Der Name");
        assertThat(report.payments()).extracting(PaymentStatus::status).containsExactly("RVMC");
        assertThat(report.transactions()).extracting(TransactionStatus::originalEndToEndId, TransactionStatus::status)
                .containsExactly(tuple("NOTPROVIDED", "RVNM"));
        assertThat(report.rejections()).isEmpty();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void readsTheGermanReceivedStatusWithoutTransactions() {
        Pain002Report report = read(fixture("hbci4java-pain.002.001.10-rcvc.xml"));

        assertThat(report.groupStatus()).isEqualTo("RCVC");
        assertThat(report.originalMessageId()).isEqualTo("2025-11-02T18:33:03:0287");
        assertThat(report.groupReasons().get(0).additionalInfo()).hasSize(2);
        assertThat(report.payments()).extracting(PaymentStatus::originalPaymentInformationId, PaymentStatus::status)
                .containsExactly(tuple("2025-11-02T18:33:03:0287", "RCVC"));
        assertThat(report.transactions()).isEmpty();
    }

    @Test
    void readsAnIso001_03ReportThatTheDkSchemaAccepts() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream in = Pain002ReaderTest.class.getResourceAsStream("/pain002/iso-001.03-rejects/report.xml")) {
            factory.newSchema(Path.of(System.getProperty("recoup.fixtures"), "xsd", "pain.002.001.03-DK-variant.xsd").toFile())
                    .newValidator().validate(new StreamSource(in));
        }

        Pain002Report report = resource("pain002/iso-001.03-rejects/report.xml");

        assertThat(report.messageName()).isEqualTo("pain.002.001.03");
        assertThat(report.groupStatus()).isNull();
        assertThat(report.rejections()).extracting(TransactionStatus::originalEndToEndId, TransactionStatus::reasonCode,
                TransactionStatus::line).containsExactly(tuple("RCP-CA1-1", "AM04", 20), tuple("RCP-CA3-2", "MS03", 36),
                tuple("RCP-CA4-1", "MD01", 52));
    }

    @Test
    void collectsProblemsWithLineAndPathInsteadOfStopping() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>M</MsgId></GrpHdr>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>P</OrgnlPmtInfId>
                <TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts>
                <TxInfAndSts><OrgnlEndToEndId>E2</OrgnlEndToEndId><TxSts>rejected</TxSts></TxInfAndSts>
                </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>""";

        Pain002Report report = new Pain002Reader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "mem");

        assertThat(report.problems()).extracting(problem -> problem.line() + " " + problem.path() + ": " + problem.message())
                .containsExactly(
                        "4 /Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[1]: no OrgnlEndToEndId: the status"
                                + " cannot be matched to a collection",
                        "5 /Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[2]/TxSts: status \"rejected\" is not"
                                + " a four-letter ISO 20022 status code",
                        "5 /Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[2]: no TxSts");
        assertThat(report.transactions()).hasSize(2);
    }

    @Test
    void refusesAnExternalEntityAndABillionLaughsBeforeReadingAnything() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY s SYSTEM \"file:///etc/hostname\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt><GrpHdr><MsgId>&s;"
                + "</MsgId></GrpHdr></CstmrPmtStsRpt></Document>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\">&lol9;</Document>");

        for (String hostile : List.of(xxe, laughs.toString())) {
            assertThatThrownBy(() -> new Pain002Reader().read(new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)), "x"))
                    .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSAFE_XML))
                    .hasMessageNotContaining("lollol");
        }
    }

    @Test
    void refusesAMessageThatIsNotAPain002() {
        String camt = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>";

        assertThatThrownBy(() -> new Pain002Reader().read(new ByteArrayInputStream(camt.getBytes(StandardCharsets.UTF_8)), "c"))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE));
    }
}
