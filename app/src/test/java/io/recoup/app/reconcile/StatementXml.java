package io.recoup.app.reconcile;

import java.math.BigDecimal;
import java.util.List;

/** Writes the entries of one camt.053.001.08 statement as a bank does, and gives each its entry reference. */
final class StatementXml {
    static final String STATEMENT_ID = "STMT-2026-04-15";
    private static final String DAY = "2026-04-15";

    private final StringBuilder entries = new StringBuilder();
    private int count;

    /** One detail of a batch booking. */
    record Detail(BigDecimal amount, String payerName, String payerIban, String reference) {}

    String credit(BigDecimal amount, String currency, String payerName, String payerIban, String reference, String text) {
        return credit(amount, currency, payerName, payerIban, reference, text, null);
    }

    String credit(BigDecimal amount, String currency, String payerName, String payerIban, String reference, String text,
                  String endToEnd) {
        String ref = nextRef();
        entries.append(entry(ref, amount, currency, "CRDT", "RCDT", "ESCT",
                detail(endToEnd == null ? "NOTPROVIDED" : endToEnd, amount, currency, "CRDT", payerName, payerIban, reference, text, null)));
        return ref.startsWith("#") ? STATEMENT_ID + ref : ref;
    }

    String batch(List<Detail> details) {
        String ref = nextRef();
        BigDecimal total = details.stream().map(Detail::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder xml = new StringBuilder();
        for (Detail d : details) {
            xml.append(detail("NOTPROVIDED", d.amount(), "EUR", "CRDT", d.payerName(), d.payerIban(), d.reference(), null, null));
        }
        entries.append(entry(ref, total, "EUR", "CRDT", "RCDT", "ESCT", xml.toString()));
        return ref.startsWith("#") ? STATEMENT_ID + ref : ref;
    }

    /** A booked debit returning an earlier credit, quoting its end-to-end id. */
    String returned(BigDecimal amount, String endToEnd, String reason) {
        String ref = nextRef();
        entries.append(entry(ref, amount, "EUR", "DBIT", "RCDT", "RRTN",
                detail(endToEnd, amount, "EUR", "DBIT", null, null, null, null, reason)));
        return ref.startsWith("#") ? STATEMENT_ID + ref : ref;
    }

    /** A bank fee: a booked debit that is neither a receipt nor a return. */
    void fee(BigDecimal amount) {
        String ref = nextRef();
        entries.append(entry(ref, amount, "EUR", "DBIT", "CCRD", "CHRG", """
                          <TxDtls>
                            <Amt Ccy="EUR">%s</Amt>
                            <CdtDbtInd>DBIT</CdtDbtInd>
                            <RmtInf><Ustrd>Kontofuehrung</Ustrd></RmtInf>
                          </TxDtls>
                """.formatted(amount.toPlainString())));
    }

    String document() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>%2$sT18:00:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %3$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(STATEMENT_ID, DAY, entries);
    }

    /** Every tenth entry comes without an account-servicer reference: its position names it. */
    private String nextRef() {
        count++;
        return count % 10 == 0 ? "#" + count : "ASR-%05d".formatted(count);
    }

    private static String entry(String ref, BigDecimal amount, String currency, String direction, String family, String sub,
                                String details) {
        return """
                      <Ntry>
                        <Amt Ccy="%2$s">%3$s</Amt>
                        <CdtDbtInd>%4$s</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%5$s</Dt></BookgDt>
                        <ValDt><Dt>%5$s</Dt></ValDt>
                %1$s        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>%6$s</Cd><SubFmlyCd>%7$s</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                %8$s        </NtryDtls>
                      </Ntry>
                """.formatted(ref.startsWith("#") ? "" : "        <AcctSvcrRef>" + ref + "</AcctSvcrRef>\n", currency,
                amount.toPlainString(), direction, DAY, family, sub, details);
    }

    private static String detail(String endToEnd, BigDecimal amount, String currency, String direction, String payerName,
                                 String payerIban, String reference, String text, String returnReason) {
        StringBuilder xml = new StringBuilder("          <TxDtls>\n");
        xml.append("            <Refs><EndToEndId>").append(endToEnd).append("</EndToEndId></Refs>\n");
        xml.append("            <Amt Ccy=\"").append(currency).append("\">").append(amount.toPlainString()).append("</Amt>\n");
        xml.append("            <CdtDbtInd>").append(direction).append("</CdtDbtInd>\n");
        if (payerName != null) {
            xml.append("            <RltdPties><Dbtr><Pty><Nm>").append(escape(payerName)).append("</Nm></Pty></Dbtr>");
            if (payerIban != null) {
                xml.append("<DbtrAcct><Id><IBAN>").append(payerIban).append("</IBAN></Id></DbtrAcct>");
            }
            xml.append("</RltdPties>\n");
        }
        if (reference != null) {
            xml.append("            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>").append(reference)
                    .append("</Ref></CdtrRefInf></Strd></RmtInf>\n");
        } else if (text != null && !text.isEmpty()) {
            xml.append("            <RmtInf><Ustrd>").append(escape(text)).append("</Ustrd></RmtInf>\n");
        }
        if (returnReason != null) {
            xml.append("            <RtrInf><Rsn><Cd>").append(returnReason).append("</Cd></Rsn></RtrInf>\n");
        }
        return xml.append("          </TxDtls>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
