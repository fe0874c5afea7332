package io.recoup.sepa.pain002;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.SafeXml;
import io.recoup.sepa.xml.ElementStack;
import io.recoup.sepa.xml.XmlProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over one pain.002: routes each leaf by its path below {@code CstmrPmtStsRpt} and keeps at most one
 * payment block, one transaction and one reason open. Paths are the same in 001.03 and 001.10 for what is read here.
 */
final class Pain002Parse {
    private static final Pattern ISO = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(pain\\.002\\.001\\.(0[3-9]|1[0-4]))");
    private static final Pattern SIX = Pattern.compile(
            "http://www\\.six-interbank-clearing\\.com/de/(pain\\.002\\.001\\.03\\.ch\\.\\d\\d)\\.xsd");
    private static final Pattern STATUS = Pattern.compile("[A-Z]{4}");
    private static final String GROUP = "OrgnlGrpInfAndSts/";
    private static final String PAYMENT = "OrgnlPmtInfAndSts/";
    private static final String TX = PAYMENT + "TxInfAndSts/";

    private final XMLStreamReader xml;
    private final String origin;
    private final ElementStack path = new ElementStack(Set.of("OrgnlPmtInfAndSts", "TxInfAndSts", "StsRsnInf"));
    private final List<XmlProblem> problems = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(64);
    private String namespace;
    private String messageName;
    private String messageId;
    private String created;
    private String originalMessageId;
    private String originalMessageName;
    private String groupStatus;
    private final List<StatusReason> groupReasons = new ArrayList<>();
    private final List<PaymentStatus> payments = new ArrayList<>();
    private Block payment;
    private Block transaction;
    private Reason reason;

    /** The open OrgnlPmtInfAndSts or TxInfAndSts. */
    private static final class Block {
        final int line;
        final String at;
        String id;
        String instructionId;
        String status;
        final List<StatusReason> reasons = new ArrayList<>();
        final List<TransactionStatus> transactions = new ArrayList<>();

        Block(int line, String at) {
            this.line = line;
            this.at = at;
        }
    }

    private static final class Reason {
        String code;
        String proprietary;
        final List<String> info = new ArrayList<>();
    }

    Pain002Parse(XMLStreamReader xml, String origin) {
        this.xml = xml;
        this.origin = origin;
    }

    Pain002Report run() throws XMLStreamException {
        SafeXml.walk(xml, origin, text, this::start, this::end);
        if (messageName == null) {
            throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE, origin + ": empty document");
        }
        return new Pain002Report(messageName, messageId, created, originalMessageId, originalMessageName, groupStatus,
                groupReasons, payments, problems);
    }

    private void start() {
        String name = xml.getLocalName();
        if (messageName == null) {
            recognise(name);
        }
        path.push(name, xml.getLocation().getLineNumber());
        text.setLength(0);
        if (!namespace.equals(xml.getNamespaceURI())) {
            return;
        }
        String below = path.depth() > 2 ? path.below(2) : "";
        switch (below) {
            case "OrgnlPmtInfAndSts" -> payment = new Block(path.line(), path.absolute());
            case "OrgnlPmtInfAndSts/TxInfAndSts" -> transaction = new Block(path.line(), path.absolute());
            default -> {
                if (below.endsWith("StsRsnInf")) {
                    reason = new Reason();
                }
            }
        }
    }

    private void recognise(String name) {
        String uri = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        Matcher iso = ISO.matcher(uri);
        Matcher six = SIX.matcher(uri);
        if (!"Document".equals(name) || !(iso.matches() || six.matches())) {
            throw new SepaException(SepaErrorCode.UNSUPPORTED_MESSAGE, origin + ": <" + name + "> in namespace \"" + uri
                    + "\" is not a pain.002 Document (ISO 001.03 to 001.14, or SIX pain.002.001.03.ch.NN)");
        }
        namespace = uri;
        messageName = iso.matches() ? iso.group(1) : six.group(1);
    }

    private void end() {
        String below = path.depth() > 2 ? path.below(2) : "";
        if (path.isLeaf()) {
            leaf(below, text.toString().strip());
        }
        if (below.endsWith("StsRsnInf") && reason != null) {
            closeReason();
        } else if (below.equals("OrgnlPmtInfAndSts/TxInfAndSts") && transaction != null) {
            closeTransaction();
        } else if (below.equals("OrgnlPmtInfAndSts") && payment != null) {
            payments.add(new PaymentStatus(payment.id, payment.status, payment.reasons, payment.transactions));
            payment = null;
        }
        path.pop();
        text.setLength(0);
    }

    private void leaf(String below, String value) {
        String text = value.isEmpty() ? null : value;
        if (reason != null) {
            if (below.endsWith("StsRsnInf/Rsn/Cd")) {
                reason.code = text;
            } else if (below.endsWith("StsRsnInf/Rsn/Prtry")) {
                reason.proprietary = text;
            } else if (below.endsWith("StsRsnInf/AddtlInf") && text != null) {
                reason.info.add(text);
            }
            return;
        }
        switch (below) {
            case "GrpHdr/MsgId" -> messageId = text;
            case "GrpHdr/CreDtTm" -> created = text;
            case GROUP + "OrgnlMsgId" -> originalMessageId = text;
            case GROUP + "OrgnlMsgNmId" -> originalMessageName = text;
            case GROUP + "GrpSts" -> groupStatus = status(text);
            case PAYMENT + "OrgnlPmtInfId" -> payment.id = text;
            case PAYMENT + "PmtInfSts" -> payment.status = status(text);
            case TX + "OrgnlInstrId" -> transaction.instructionId = text;
            case TX + "OrgnlEndToEndId" -> transaction.id = text;
            case TX + "TxSts" -> transaction.status = status(text);
            default -> {
                // Original transaction references, agents, counts per status: not needed to act on a status.
            }
        }
    }

    private void closeReason() {
        StatusReason built = new StatusReason(reason.code, reason.proprietary, reason.info);
        if (transaction != null) {
            transaction.reasons.add(built);
        } else if (payment != null) {
            payment.reasons.add(built);
        } else {
            groupReasons.add(built);
        }
        reason = null;
    }

    private void closeTransaction() {
        if (transaction.id == null) {
            problems.add(new XmlProblem(origin, transaction.line, transaction.at,
                    "no OrgnlEndToEndId: the status cannot be matched to a collection"));
        }
        if (transaction.status == null) {
            problems.add(new XmlProblem(origin, transaction.line, transaction.at, "no TxSts"));
        }
        payment.transactions.add(new TransactionStatus(transaction.instructionId, transaction.id, transaction.status,
                transaction.reasons, transaction.line));
        transaction = null;
    }

    private String status(String code) {
        if (code == null || !STATUS.matcher(code).matches()) {
            problems.add(new XmlProblem(origin, path.line(), path.absolute(),
                    "status \"" + code + "\" is not a four-letter ISO 20022 status code"));
            return null;
        }
        return code;
    }
}
