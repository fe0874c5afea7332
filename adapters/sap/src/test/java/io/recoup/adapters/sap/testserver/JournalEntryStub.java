package io.recoup.adapters.sap.testserver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * SAP's synchronous Journal Entry - Post ({@code JournalEntryCreateRequestConfirmation_In}) on WireMock. The request
 * is checked against the message structure SAP publishes for the service (WSDL of communication scenario SAP_COM_0002
 * as shown in SAP's API Business Hub and its "Journal Entry - Post" guide: namespace
 * {@code http://sap.com/xi/SAPSCORE/SFIN}, {@code JournalEntryBulkCreateRequest} / {@code MessageHeader} /
 * {@code JournalEntryCreateRequest} / {@code JournalEntry} with the header fields in schema order, G/L lines as
 * {@code Item} and customer lines as {@code DebtorItem}, amounts signed with a {@code currencyCode} attribute and
 * balancing to zero). An accepted entry is booked into the {@link CubeLedger} as the customer line the cube would
 * then show, and answered with {@code JournalEntryBulkCreateConfirmation}; a refused one with a log of severity 3.
 * {@link #loseNextAnswer()} books the next entry and then drops the connection, as a timeout after SAP committed.
 */
public final class JournalEntryStub implements AutoCloseable {
    public static final String PATH = "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi";
    static final String NS = "http://sap.com/xi/SAPSCORE/SFIN";
    private static final List<String> HEADER_ORDER = List.of("OriginalReferenceDocumentType", "OriginalReferenceDocument",
            "OriginalReferenceDocumentLogicalSystem", "BusinessTransactionType", "AccountingDocumentType",
            "DocumentReferenceID", "DocumentHeaderText", "CreatedByUser", "CompanyCode", "DocumentDate", "PostingDate",
            "TaxDeterminationDate", "ExchangeRateDate", "Item", "CreditorItem", "DebtorItem", "ProductTaxItem",
            "WithholdingTaxItem");
    private static final List<String> REQUIRED = List.of("OriginalReferenceDocumentType", "BusinessTransactionType",
            "AccountingDocumentType", "CreatedByUser", "CompanyCode", "DocumentDate", "PostingDate");

    private final CubeLedger ledger;
    private final WireMockServer server;
    private final List<String> envelopes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final AtomicReference<String> refuseNext = new AtomicReference<>();
    private final AtomicInteger documents = new AtomicInteger(100000000);

    public JournalEntryStub(CubeLedger ledger) {
        this.ledger = ledger;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new Booking()));
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
    }

    public URI url() {
        return URI.create(server.baseUrl() + PATH);
    }

    /** Every envelope received, in order. */
    public List<String> envelopes() {
        return new ArrayList<>(envelopes);
    }

    public void loseNextAnswer() {
        loseNext.set(true);
    }

    /** The next entry is refused with this log note, as SAP refuses one for a closed period or a blocked account. */
    public void refuseNext(String note) {
        refuseNext.set(note);
    }

    private final class Booking implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "journal-entry-booking";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String body = event.getRequest().getBodyAsString();
            envelopes.add(body);
            String answer;
            String refusal = refuseNext.getAndSet(null);
            try {
                if (refusal != null) {
                    throw new IllegalArgumentException(refusal);
                }
                answer = confirmation(book(body));
            } catch (IllegalArgumentException refused) {
                answer = refusal(refused.getMessage());
            }
            if (loseNext.getAndSet(false)) {
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(answer).build();
        }
    }

    /** Checks the request's structure and books its customer line; returns company/year/document. */
    private String[] book(String envelope) {
        Document doc = parse(envelope);
        Element bulk = child(child(doc.getDocumentElement(), "Body"), "JournalEntryBulkCreateRequest");
        if (!NS.equals(bulk.getNamespaceURI())) {
            throw new IllegalArgumentException("root element is not in " + NS);
        }
        child(child(bulk, "MessageHeader"), "CreationDateTime");
        Element entry = child(child(bulk, "JournalEntryCreateRequest"), "JournalEntry");
        checkOrder(entry);
        BigDecimal balance = BigDecimal.ZERO;
        Element debtor = null;
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element line && (line.getLocalName().equals("Item") || line.getLocalName().equals("DebtorItem"))) {
                BigDecimal amount = signedAmount(line);
                balance = balance.add(amount);
                if (line.getLocalName().equals("DebtorItem")) {
                    debtor = line;
                }
            }
        }
        if (debtor == null || balance.signum() != 0) {
            throw new IllegalArgumentException("a journal entry needs a customer line and balancing lines (" + balance + ")");
        }
        String company = text(entry, "CompanyCode");
        LocalDate posting = LocalDate.parse(text(entry, "PostingDate"));
        String document = String.valueOf(documents.incrementAndGet());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CompanyCode", company);
        row.put("FiscalYear", String.valueOf(posting.getYear()));
        row.put("AccountingDocument", document);
        row.put("AccountingDocumentItem", "002");
        row.put("FinancialAccountType", "D");
        row.put("SpecialGLCode", "");
        row.put("AccountingDocumentType", text(entry, "AccountingDocumentType"));
        row.put("DocumentReferenceID", text(entry, "DocumentReferenceID").toUpperCase(java.util.Locale.ROOT));
        row.put("Customer", text(debtor, "Debtor"));
        row.put("AmountInTransactionCurrency", signedAmount(debtor));
        row.put("TransactionCurrency", child(debtor, "AmountInTransactionCurrency").getAttribute("currencyCode"));
        row.put("DebitCreditCode", text(debtor, "DebitCreditCode"));
        row.put("AssignmentReference", text(debtor, "AssignmentReference"));
        row.put("IsCleared", Boolean.FALSE);
        row.put("PostingDate", CubeLedger.date(posting));
        row.put("DocumentDate", CubeLedger.date(LocalDate.parse(text(entry, "DocumentDate"))));
        ledger.put(row);
        return new String[] {company, String.valueOf(posting.getYear()), document};
    }

    private static void checkOrder(Element entry) {
        int last = -1;
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                int at = HEADER_ORDER.indexOf(e.getLocalName());
                if (at < 0 || at < last) {
                    throw new IllegalArgumentException("JournalEntry/" + e.getLocalName() + " is unknown or out of order");
                }
                last = at;
            }
        }
        REQUIRED.forEach(name -> text(entry, name));
        if (text(entry, "DocumentReferenceID").length() > 16) {
            throw new IllegalArgumentException("DocumentReferenceID is longer than 16 characters");
        }
    }

    private static BigDecimal signedAmount(Element line) {
        Element amount = child(line, "AmountInTransactionCurrency");
        if (amount.getAttribute("currencyCode").isEmpty()) {
            throw new IllegalArgumentException(line.getLocalName() + " amount has no currencyCode");
        }
        BigDecimal value = new BigDecimal(amount.getTextContent().strip());
        String code = text(line, "DebitCreditCode");
        if (!(code.equals("S") && value.signum() >= 0 || code.equals("H") && value.signum() <= 0)) {
            throw new IllegalArgumentException(line.getLocalName() + " sign does not match DebitCreditCode " + code);
        }
        return value;
    }

    private static String confirmation(String[] doc) {
        return "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Header/>"
                + "<soap-env:Body><n0:JournalEntryBulkCreateConfirmation xmlns:n0=\"" + NS + "\"><MessageHeader>"
                + "<CreationDateTime>2026-12-01T10:00:00Z</CreationDateTime></MessageHeader><JournalEntryCreateConfirmation>"
                + "<MessageHeader><CreationDateTime>2026-12-01T10:00:00Z</CreationDateTime></MessageHeader>"
                + "<JournalEntryCreateConfirmation><AccountingDocument>" + doc[2] + "</AccountingDocument><CompanyCode>"
                + doc[0] + "</CompanyCode><FiscalYear>" + doc[1] + "</FiscalYear></JournalEntryCreateConfirmation>"
                + "<Log><MaximumLogItemSeverityCode>1</MaximumLogItemSeverityCode><Item><TypeID>001(RW)</TypeID>"
                + "<SeverityCode>1</SeverityCode><Note>Document posted successfully</Note></Item></Log>"
                + "</JournalEntryCreateConfirmation></n0:JournalEntryBulkCreateConfirmation></soap-env:Body></soap-env:Envelope>";
    }

    private static String refusal(String reason) {
        return "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Body>"
                + "<n0:JournalEntryBulkCreateConfirmation xmlns:n0=\"" + NS + "\"><JournalEntryCreateConfirmation>"
                + "<JournalEntryCreateConfirmation><AccountingDocument>0000000000</AccountingDocument>"
                + "</JournalEntryCreateConfirmation><Log><MaximumLogItemSeverityCode>3</MaximumLogItemSeverityCode><Item>"
                + "<SeverityCode>3</SeverityCode><Note>" + reason.replace("<", "&lt;") + "</Note></Item></Log>"
                + "</JournalEntryCreateConfirmation></n0:JournalEntryBulkCreateConfirmation></soap-env:Body></soap-env:Envelope>";
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException(parent.getLocalName() + " has no " + name);
    }

    private static String text(Element parent, String name) {
        String text = child(parent, name).getTextContent().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(parent.getLocalName() + "/" + name + " is empty");
        }
        return text;
    }

    @Override
    public void close() {
        server.stop();
    }
}
