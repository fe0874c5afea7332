package io.recoup.adapters.sap;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPosting;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SOAP message of SAP's synchronous Journal Entry - Post ({@code JournalEntryCreateRequestConfirmation_In},
 * namespace {@code http://sap.com/xi/SAPSCORE/SFIN}, communication scenario SAP_COM_0002) for one incoming payment:
 * a bank (clearing) G/L line and a customer line against the invoice's customer, our document number as the header's
 * {@code DocumentReferenceID} (what the read-before-write check looks for) and the invoice as the customer line's
 * assignment. A payment debits the bank and credits the customer; a reversal (negative amount) does the opposite.
 * Element names and order follow SAP's published message structure ({@code JournalEntryBulkCreateRequest} ->
 * {@code JournalEntryCreateRequest} -> {@code JournalEntry} with {@code Item} and {@code DebtorItem}); the answer is
 * {@code JournalEntryBulkCreateConfirmation} with the new document or a log whose severity 3 means refused.
 */
final class JournalEntrySoap {
    static final String NS = "http://sap.com/xi/SAPSCORE/SFIN";
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String ACTION = NS + "/JournalEntryCreateRequestConfirmation_In/JournalEntryCreateRequestConfirmation_InRequest";

    /** What the header and the lines need beyond the posting. */
    record Entry(LedgerPosting posting, String companyCode, String customer, SapSettings.Posting settings) {}

    /** The document SAP created: company code, fiscal year and journal entry number. */
    record Confirmation(String companyCode, String fiscalYear, String accountingDocument) {
        @Override
        public String toString() {
            return companyCode + "/" + fiscalYear + "/" + accountingDocument;
        }
    }

    private JournalEntrySoap() {}

    static String request(Entry entry, String messageId, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_NS);
            xml.writeNamespace("soapenv", SOAP_NS);
            xml.writeNamespace("sfin", NS);
            xml.writeEmptyElement("soapenv", "Header", SOAP_NS);
            xml.writeStartElement("soapenv", "Body", SOAP_NS);
            xml.writeStartElement("sfin", "JournalEntryBulkCreateRequest", NS);
            header(xml, messageId, now);
            xml.writeStartElement("JournalEntryCreateRequest");
            header(xml, messageId + "-1", now);
            journalEntry(xml, entry);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "cannot write the journal entry for "
                    + entry.posting().documentNumber() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void header(XMLStreamWriter xml, String id, Instant now) throws XMLStreamException {
        xml.writeStartElement("MessageHeader");
        text(xml, "ID", id);
        text(xml, "CreationDateTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeEndElement();
    }

    private static void journalEntry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        LedgerPosting p = entry.posting();
        xml.writeStartElement("JournalEntry");
        text(xml, "OriginalReferenceDocumentType", "BKPFF");
        text(xml, "BusinessTransactionType", "RFBU");
        text(xml, "AccountingDocumentType", entry.settings().documentType());
        text(xml, "DocumentReferenceID", p.documentNumber());
        text(xml, "DocumentHeaderText", cut("Recoup " + p.documentNumber(), 25));
        text(xml, "CreatedByUser", entry.settings().createdBy());
        text(xml, "CompanyCode", entry.companyCode());
        text(xml, "DocumentDate", p.paymentDate().toString());
        text(xml, "PostingDate", p.paymentDate().toString());
        xml.writeStartElement("Item");
        text(xml, "ReferenceDocumentItem", "1");
        text(xml, "GLAccount", entry.settings().bankGlAccount());
        amount(xml, p.amount());
        text(xml, "DocumentItemText", cut(p.paymentReference() == null ? p.documentNumber() : p.paymentReference(), 50));
        text(xml, "AssignmentReference", cut(p.documentNumber(), 18));
        xml.writeEndElement();
        xml.writeStartElement("DebtorItem");
        text(xml, "ReferenceDocumentItem", "2");
        text(xml, "Debtor", entry.customer());
        amount(xml, p.amount().negate());
        text(xml, "DocumentItemText", cut("Payment " + p.invoiceNumber(), 50));
        text(xml, "AssignmentReference", cut(p.invoiceNumber(), 18));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Signed amount with its debit/credit code: S for a debit (positive), H for a credit (negative). */
    private static void amount(XMLStreamWriter xml, Money amount) throws XMLStreamException {
        xml.writeStartElement("AmountInTransactionCurrency");
        xml.writeAttribute("currencyCode", amount.currencyCode());
        xml.writeCharacters(amount.amount().toPlainString());
        xml.writeEndElement();
        text(xml, "DebitCreditCode", amount.isNegative() ? "H" : "S");
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The created document, or a refusal with SAP's log notes (or the SOAP fault's text). */
    static Confirmation confirmation(String body, String documentNumber) {
        Document doc = parse(body, documentNumber);
        NodeList fault = doc.getElementsByTagNameNS(SOAP_NS, "Fault");
        if (fault.getLength() > 0) {
            throw refused(documentNumber, "SOAP fault: " + firstText(doc, "faultstring").orElse(fault.item(0).getTextContent()));
        }
        Optional<String> accountingDocument = firstText(doc, "AccountingDocument").filter(d -> !d.matches("0*"));
        String severity = firstText(doc, "MaximumLogItemSeverityCode").orElse("1");
        if (accountingDocument.isEmpty() || "3".equals(severity) || "4".equals(severity)) {
            throw refused(documentNumber, "SAP refused the journal entry: " + String.join("; ", notes(doc)));
        }
        return new Confirmation(firstText(doc, "CompanyCode").orElse(""), firstText(doc, "FiscalYear").orElse(""),
                accountingDocument.get());
    }

    private static RecoupException refused(String documentNumber, String reason) {
        return new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "payment " + documentNumber + ": " + reason);
    }

    private static List<String> notes(Document doc) {
        List<String> notes = new ArrayList<>();
        NodeList list = doc.getElementsByTagName("Note");
        for (int i = 0; i < list.getLength(); i++) {
            notes.add(list.item(i).getTextContent().strip());
        }
        return notes.isEmpty() ? List.of("no log notes") : notes;
    }

    private static Optional<String> firstText(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            list = doc.getElementsByTagName(localName);
        }
        return list.getLength() == 0 ? Optional.empty()
                : Optional.of(((Element) list.item(0)).getTextContent().strip()).filter(t -> !t.isEmpty());
    }

    private static Document parse(String body, String documentNumber) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors are thrown, not printed
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw refused(documentNumber, "SAP's answer is not readable XML (" + e.getMessage()
                    + "); whether it was posted is unclear, the next attempt checks first");
        }
    }
}
