package io.recoup.bench.sepa;

import io.recoup.sepa.CreditorReference;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a camt.053.001.08 statement to disk entry by entry, never holding more than one entry in memory: four in
 * five entries are single credit transfers with an RF reference, remittance text, payer name and IBAN; every fifth
 * is a batch entry with three transaction details.
 */
final class CamtFileGenerator {
    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static final String[] IBANS = {"DE89370400440532013000", "DE02120300000000202051", "AT611904300234573201",
            "DE62370400440532013001", "NL91ABNA0417164300", "FR1420041010050500013M02606", "BE68539007547034"};
    private static final String[] NAMES = {"Erika Mustermann", "Beispiel AG", "Hans Meier GmbH", "Jan de Vries",
            "Marie Dupont", "Muster und Soehne KG", "Acme Europe BV"};
    private static final String[] REFERENCES = new String[512];

    static {
        for (int i = 0; i < REFERENCES.length; i++) {
            REFERENCES[i] = CreditorReference.forBody("INV2026" + (100_000 + i * 7)).value();
        }
    }

    /** The number of entries written. Stops after {@code maxEntries} or once the file reaches {@code maxBytes}. */
    static long write(Path file, long maxEntries, long maxBytes) throws IOException {
        long entries = 0;
        long bytes;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16)) {
            String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + NS + "\">\n<BkToCstmrStmt>\n"
                    + "<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2026-11-23T06:00:00+01:00</CreDtTm></GrpHdr>\n"
                    + "<Stmt><Id>BENCH-STMT-1</Id><CreDtTm>2026-11-23T06:00:00+01:00</CreDtTm>\n"
                    + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n";
            out.write(head);
            bytes = head.length();
            StringBuilder entry = new StringBuilder(2048);
            while (entries < maxEntries && bytes < maxBytes) {
                entry.setLength(0);
                appendEntry(entry, entries);
                out.append(entry);
                bytes += entry.length();
                entries++;
            }
            out.write("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        }
        return entries;
    }

    private static void appendEntry(StringBuilder out, long n) {
        boolean batch = n % 5 == 4;
        int transactions = batch ? 3 : 1;
        long cents = 1_000 + (n * 7_919) % 500_000;
        out.append("<Ntry><NtryRef>").append(n).append("</NtryRef><Amt Ccy=\"EUR\">")
                .append(amount(cents * transactions)).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                .append("<BookgDt><Dt>2026-11-23</Dt></BookgDt><ValDt><Dt>2026-11-23</Dt></ValDt>")
                .append("<AcctSvcrRef>ASR").append(n).append("</AcctSvcrRef>")
                .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
                .append("<NtryDtls>");
        if (batch) {
            out.append("<Btch><NbOfTxs>3</NbOfTxs></Btch>");
        }
        for (int t = 0; t < transactions; t++) {
            int pick = (int) ((n * 31 + t) % IBANS.length);
            out.append("<TxDtls><Refs><EndToEndId>E2E-").append(n).append('-').append(t).append("</EndToEndId></Refs>")
                    .append("<Amt Ccy=\"EUR\">").append(amount(cents)).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                    .append("<RltdPties><Dbtr><Pty><Nm>").append(NAMES[pick]).append("</Nm></Pty></Dbtr>")
                    .append("<DbtrAcct><Id><IBAN>").append(IBANS[pick]).append("</IBAN></Id></DbtrAcct></RltdPties>")
                    .append("<RmtInf><Ustrd>Invoice payment ").append(n).append(" thank you</Ustrd>")
                    .append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>")
                    .append(REFERENCES[(int) ((n + t) % REFERENCES.length)]).append("</Ref></CdtrRefInf></Strd></RmtInf>")
                    .append("</TxDtls>");
        }
        out.append("</NtryDtls><AddtlNtryInf>SEPA credit transfer</AddtlNtryInf></Ntry>\n");
    }

    private static String amount(long cents) {
        long units = cents / 100;
        long rest = cents % 100;
        return units + (rest < 10 ? ".0" : ".") + rest;
    }

    private CamtFileGenerator() {
    }
}
