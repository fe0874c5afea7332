package io.recoup.sepa.camt;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.ElementStack;
import java.nio.charset.CharacterCodingException;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over one camt message: the StAX event loop that finds the Document, tracks the element path, routes
 * each leaf to the builder of the innermost open scope (transaction, entry, balance, statement) and delivers what is
 * complete. It holds at most one statement header, one entry and its transaction details at a time.
 */
final class CamtParse {
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_DEPTH = 64;
    /** Elements that repeat in camt; only these show their position, the others would only add noise. */
    private static final Set<String> REPEATING = Set.of("Stmt", "Ntfctn", "Rpt", "Bal", "Ntry", "NtryDtls", "TxDtls",
            "Strd", "Ustrd");

    private final XMLStreamReader xml;
    private final String origin;
    private final CamtHandler handler;
    private final ElementStack path = new ElementStack(REPEATING);
    private final Problems problems;
    private final FieldValues values;
    private final StringBuilder text = new StringBuilder(128);
    private boolean textCut;
    private boolean stopped;

    private CamtNamespace message;
    private int documentDepth;
    private boolean messageDone;
    /** Open elements being skipped: another namespace inside the Document, an envelope header, or after the Document. */
    private int skipping;
    private String messageId;
    private StatementBuilder statement;
    private int statementDepth;
    private BalanceBuilder balance;
    private int balanceDepth;
    private EntryBuilder entry;
    private int entryDepth;
    private TransactionBuilder transaction;
    private int transactionDepth;
    private int statements;
    private int entries;
    private int transactionDetails;

    CamtParse(XMLStreamReader xml, String origin, CamtHandler handler) {
        this.xml = xml;
        this.origin = origin;
        this.handler = handler;
        this.problems = new Problems(origin, path, handler);
        this.values = new FieldValues(problems);
    }

    void run() throws XMLStreamException {
        while (!stopped && xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> throw new SepaException(SepaErrorCode.UNSAFE_XML, origin
                        + ": the document has a DOCTYPE; DTDs, entity declarations and external references are refused");
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> appendText();
                case XMLStreamConstants.ENTITY_REFERENCE -> undeclaredEntity();
                default -> {
                    // Comments, processing instructions and the document start and end carry no camt data.
                }
            }
            stopped |= problems.limitReached();
        }
        if (message == null) {
            throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE,
                    origin + ": no camt.052, camt.053 or camt.054 Document (version 001.02 to 001.13) found");
        }
    }

    boolean isMessageRecognised() {
        return message != null;
    }

    /** Ends the reading at XML that is not well-formed; what was complete before it has been delivered. */
    void stopAtMalformedXml(XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        problems.at(line, "not well-formed XML, reading stopped: " + reason(e));
        stopped = true;
    }

    CamtSummary summary() {
        return new CamtSummary(statements, entries, transactionDetails, problems.list(), !stopped);
    }

    /** The parser's own sentence, without the "ParseError at [row,col]" prefix that the problem's line replaces. */
    static String reason(XMLStreamException e) {
        if (CamtReader.cause(e) instanceof CharacterCodingException) {
            return "bytes that are not valid in the document's character encoding";
        }
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        return start >= 0 ? message.substring(start + "Message: ".length()).strip() : message.strip();
    }

    private void start() {
        if (skipping > 0 || messageDone) {
            skipping++;
            return;
        }
        if (path.depth() >= MAX_DEPTH) {
            problems.here("elements nested deeper than " + MAX_DEPTH + " levels; reading stopped");
            stopped = true;
            return;
        }
        String name = xml.getLocalName();
        if (message == null) {
            startOutsideMessage(name);
        } else if (message.uri().equals(xml.getNamespaceURI())) {
            push(name);
            openScope(name);
        } else {
            skipping = 1;
        }
    }

    /** Before the Document: it is the root, or it sits in an envelope after a business application header. */
    private void startOutsideMessage(String name) {
        String uri = xml.getNamespaceURI();
        if ("Document".equals(name)) {
            message = CamtNamespace.of(uri).orElseThrow(() -> new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE,
                    origin + ": Document in namespace \"" + uri
                            + "\" is not a camt.052, camt.053 or camt.054 message of version 001.02 to 001.13"));
            push(name);
            documentDepth = path.depth();
        } else if (path.isEmpty()) {
            push(name);
        } else if (path.depth() == 1 && "AppHdr".equals(name)) {
            skipping = 1;
        } else {
            throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE, origin + ": <" + name + "> inside the root <"
                    + path.name() + "> is neither a business application header (AppHdr) nor a camt Document");
        }
    }

    private void push(String name) {
        String currency = xml.getAttributeCount() > 0 ? xml.getAttributeValue(null, "Ccy") : null;
        path.push(name, xml.getLocation().getLineNumber(), currency);
        text.setLength(0);
        textCut = false;
    }

    private void openScope(String name) {
        int depth = path.depth();
        if (statement == null) {
            if (depth == documentDepth + 2 && name.equals(message.statementElement())) {
                statement = new StatementBuilder(values, message, messageId, path.position(), path.line());
                statementDepth = depth;
            }
        } else if (entry == null) {
            if (depth == statementDepth + 1 && name.equals("Ntry")) {
                deliverHeader();
                entry = new EntryBuilder(values, problems, path.position(), path.line());
                entryDepth = depth;
            } else if (depth == statementDepth + 1 && name.equals("Bal")) {
                openBalance();
            }
        } else if (transaction == null && depth == entryDepth + 2 && name.equals("TxDtls")
                && "NtryDtls".equals(path.ancestor(1))) {
            transaction = new TransactionBuilder(values);
            transactionDepth = depth;
        }
    }

    private void openBalance() {
        if (statement.isHeaderDelivered()) {
            problems.here("Bal after the first Ntry is not part of the statement header (the schema puts balances"
                    + " first); ignored");
        } else {
            balance = new BalanceBuilder(values, problems);
            balanceDepth = path.depth();
        }
    }

    private void end() {
        if (skipping > 0) {
            skipping--;
            return;
        }
        if (message != null && path.depth() >= documentDepth) {
            if (textCut) {
                problems.here("text longer than " + MAX_TEXT + " characters; only the first " + MAX_TEXT + " were read");
            }
            if (path.isLeaf()) {
                leaf(text.toString());
            }
            closeScope();
            messageDone = path.depth() == documentDepth;
        }
        path.pop();
    }

    private void leaf(String raw) {
        if (transaction != null) {
            transaction.accept(path.below(transactionDepth), raw, path.attribute());
        } else if (entry != null) {
            entry.accept(path.below(entryDepth), raw, path.attribute());
        } else if (balance != null) {
            balance.accept(path.below(balanceDepth), raw, path.attribute());
        } else if (statement != null) {
            if (!statement.isHeaderDelivered()) {
                statement.accept(path.below(statementDepth), raw);
            }
        } else if (path.depth() == documentDepth + 3 && "MsgId".equals(path.name())
                && "GrpHdr".equals(path.ancestor(1))) {
            messageId = FieldValues.text(raw);
        }
    }

    private void closeScope() {
        int depth = path.depth();
        if (transaction != null && depth == transactionDepth) {
            entry.add(transaction.build());
            transaction = null;
        } else if (entry != null && depth == entryDepth) {
            deliver(entry.build());
            entry = null;
        } else if (balance != null && depth == balanceDepth) {
            CamtBalance built = balance.build();
            if (built != null) {
                statement.add(built);
            }
            balance = null;
        } else if (statement != null && depth == statementDepth) {
            deliverHeader();
            statement = null;
        }
    }

    private void deliverHeader() {
        if (!statement.isHeaderDelivered()) {
            statements++;
            handler.onStatement(statement.header());
        }
    }

    private void deliver(CamtEntry built) {
        if (built != null) {
            entries++;
            transactionDetails += built.transactions().size();
            handler.onEntry(statement.header(), built);
        }
    }

    private void appendText() {
        if (skipping > 0 || message == null || textCut) {
            return;
        }
        int length = xml.getTextLength();
        int room = MAX_TEXT - text.length();
        if (length > room) {
            textCut = true;
            length = room;
        }
        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
    }

    /** Without a DTD no entity can be declared, so a reference like {@code &foo;} makes the XML not well-formed. */
    private void undeclaredEntity() {
        String entity = "&" + xml.getLocalName() + ";";
        if (message == null) {
            throw new SepaException(SepaErrorCode.MALFORMED_XML, origin + ": undeclared entity " + entity
                    + " at line " + xml.getLocation().getLineNumber());
        }
        problems.at(xml.getLocation().getLineNumber(), "undeclared entity " + entity + ", reading stopped");
        stopped = true;
    }
}
