package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.SafeXml;
import io.recoup.sepa.xml.ElementStack;
import io.recoup.sepa.xml.XmlProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over a pain.008 document: collects the leaves of the group header, of each payment block and of each
 * transaction by their path below the scope, and turns a scope into typed values when it closes. A transaction is
 * built when it closes, so the block's values it depends on (sequence type, date, creditor) are already read.
 */
final class Pain008Parse {

    private final XMLStreamReader xml;
    private final String origin;
    private final ElementStack path = new ElementStack(Set.of("PmtInf", "DrctDbtTxInf", "AdrLine", "Ustrd"));
    private final List<XmlProblem> problems = new ArrayList<>();
    private final List<PaymentInstruction> payments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(64);
    private Pain008Version version;
    private LeafFields header;
    private LeafFields block;
    private LeafFields transaction;
    private List<DirectDebit> blockDebits;

    Pain008Parse(XMLStreamReader xml, String origin) {
        this.xml = xml;
        this.origin = origin;
    }

    Pain008Document run() throws XMLStreamException {
        SafeXml.walk(xml, origin, text, this::start, this::end);
        if (version == null || header == null) {
            throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE, origin + ": no pain.008 group header found");
        }
        return new Pain008Document(version, header.first("MsgId"), header.first("CreDtTm"),
                Pain008Values.integer(header.first("NbOfTxs")), Pain008Values.decimal(header.first("CtrlSum")),
                header.first("InitgPty/Nm"), payments, problems);
    }

    private void start() {
        if (version == null) {
            String uri = xml.getNamespaceURI();
            version = Pain008Version.fromNamespace(uri);
            if (version == null || !"Document".equals(xml.getLocalName())) {
                throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE, origin + ": <" + xml.getLocalName()
                        + "> in namespace \"" + uri + "\" is not a pain.008.001.02 or 001.08 Document");
            }
        }
        path.push(xml.getLocalName(), xml.getLocation().getLineNumber());
        text.setLength(0);
        String name = xml.getLocalName();
        if (path.depth() == 3 && name.equals("GrpHdr")) {
            header = new LeafFields(path.line(), path.absolute());
        } else if (path.depth() == 3 && name.equals("PmtInf")) {
            block = new LeafFields(path.line(), path.absolute());
            blockDebits = new ArrayList<>();
        } else if (path.depth() == 4 && block != null && name.equals("DrctDbtTxInf")) {
            transaction = new LeafFields(path.line(), path.absolute());
        }
        if (name.equals("InstdAmt") && transaction != null) {
            transaction.add("InstdAmt@Ccy", String.valueOf(xml.getAttributeValue(null, "Ccy")));
        }
    }

    private void end() {
        if (path.isLeaf()) {
            leaf(text.toString().strip());
        }
        int depth = path.depth();
        String name = path.name();
        if (depth == 4 && transaction != null && name.equals("DrctDbtTxInf")) {
            buildTransaction();
            transaction = null;
        } else if (depth == 3 && block != null && name.equals("PmtInf")) {
            payments.add(Pain008Values.payment(block, blockDebits, creditor()));
            block = null;
        }
        path.pop();
        text.setLength(0);
    }

    private void leaf(String value) {
        if (transaction != null) {
            transaction.add(path.below(4), value);
        } else if (block != null) {
            block.add(path.below(3), value);
        } else if (header != null && path.below(2).startsWith("GrpHdr/")) {
            header.add(path.below(3), value);
        }
    }

    private void buildTransaction() {
        try {
            blockDebits.add(Pain008Values.debit(transaction, block, version));
        } catch (SepaException e) {
            problems.add(new XmlProblem(origin, transaction.line, transaction.path, e.getMessage()));
        }
    }

    private Creditor creditor() {
        try {
            return Pain008Values.creditor(block, version);
        } catch (SepaException e) {
            problems.add(new XmlProblem(origin, block.line, block.path, e.getMessage()));
            return null;
        }
    }
}
