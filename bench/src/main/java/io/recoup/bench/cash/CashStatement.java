package io.recoup.bench.cash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the bench's payments as one camt.053.001.08 statement, one booked credit entry each, as a bank sends them. */
final class CashStatement {
    private CashStatement() {
    }

    static void write(Path file, CashData data) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
                    + "<BkToCstmrStmt><GrpHdr><MsgId>CASH-1</MsgId><CreDtTm>2026-11-23T06:00:00</CreDtTm></GrpHdr>\n"
                    + "<Stmt><Id>CASH-STMT-1</Id><CreDtTm>2026-11-23T06:00:00</CreDtTm>\n"
                    + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
            StringBuilder entry = new StringBuilder(1024);
            int n = 0;
            for (CashData.Payment p : data.payments) {
                n++;
                entry.setLength(0);
                entry.append("<Ntry><Amt Ccy=\"EUR\">").append(p.amount().amount().toPlainString())
                        .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                        .append("<BookgDt><Dt>2026-11-23</Dt></BookgDt><ValDt><Dt>2026-11-23</Dt></ValDt>")
                        .append("<AcctSvcrRef>CASH-").append(n).append("</AcctSvcrRef>")
                        .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
                        .append("<NtryDtls><TxDtls><Refs><EndToEndId>E2E-").append(n).append("</EndToEndId></Refs>")
                        .append("<Amt Ccy=\"EUR\">").append(p.amount().amount().toPlainString()).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                        .append("<RltdPties><Dbtr><Pty><Nm>").append(p.payerName()).append("</Nm></Pty></Dbtr>");
                if (p.payerIban() != null) {
                    entry.append("<DbtrAcct><Id><IBAN>").append(p.payerIban()).append("</IBAN></Id></DbtrAcct>");
                }
                entry.append("</RltdPties><RmtInf>");
                if (p.reference() != null) {
                    entry.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>").append(p.reference())
                            .append("</Ref></CdtrRefInf></Strd>");
                } else {
                    entry.append("<Ustrd>").append(p.text()).append("</Ustrd>");
                }
                entry.append("</RmtInf></TxDtls></NtryDtls></Ntry>\n");
                out.append(entry);
            }
            out.write("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        }
    }
}
