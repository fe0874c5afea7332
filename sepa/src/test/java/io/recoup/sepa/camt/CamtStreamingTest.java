package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

/**
 * A camt.053 with 200,000 entries, generated entry by entry while the reader pulls bytes (about 100 MB that never
 * exist as a whole), read with a handler that only counts. The reader itself holds one entry at a time.
 */
class CamtStreamingTest {
    private static final int ENTRIES = 200_000;

    @Test
    void streamsTwoHundredThousandEntriesToACountingHandler() {
        CountingHandler handler = new CountingHandler();

        CamtSummary summary = new CamtReader().read(generatedStatement(ENTRIES), "generated", handler);

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.statements()).isEqualTo(1);
        assertThat(summary.entries()).isEqualTo(ENTRIES);
        assertThat(summary.transactionDetails()).isEqualTo(ENTRIES);
        assertThat(handler.headers).isEqualTo(1);
        assertThat(handler.entries).isEqualTo(ENTRIES);
        assertThat(handler.lastIndex).isEqualTo(ENTRIES);
        // Every fourth entry is a 0.50 debit, the others 1.00 credits.
        assertThat(handler.net).isEqualByComparingTo(new BigDecimal("125000.00"));
    }

    private static final class CountingHandler implements CamtHandler {
        int headers;
        int entries;
        int lastIndex;
        BigDecimal net = BigDecimal.ZERO;
        CamtStatement header;

        @Override
        public void onStatement(CamtStatement statement) {
            headers++;
            header = statement;
        }

        @Override
        public void onEntry(CamtStatement statement, CamtEntry entry) {
            assertThat(statement).isSameAs(header);
            entries++;
            lastIndex = entry.index();
            net = net.add(entry.signedAmount());
        }
    }

    /** Header, then one generated {@code Ntry} per chunk, then the closing tags; made lazily as the reader pulls. */
    private static InputStream generatedStatement(int entryCount) {
        String header = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                <BkToCstmrStmt><GrpHdr><MsgId>GENERATED</MsgId><CreDtTm>2026-01-15T06:00:00Z</CreDtTm></GrpHdr>
                <Stmt><Id>GENERATED-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-01-14</Dt></Dt></Bal>
                """;
        String footer = "</Stmt></BkToCstmrStmt></Document>\n";
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= entryCount;
            }

            @Override
            public InputStream nextElement() {
                String part = next < 0 ? header : next < entryCount ? entry(next) : footer;
                next++;
                return new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static String entry(int i) {
        boolean debit = i % 4 == 3;
        return "<Ntry><NtryRef>N" + i + "</NtryRef><Amt Ccy=\"EUR\">" + (debit ? "0.50" : "1.00") + "</Amt>"
                + "<CdtDbtInd>" + (debit ? "DBIT" : "CRDT") + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-01-14</Dt></BookgDt><ValDt><Dt>2026-01-14</Dt></ValDt>"
                + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
                + "<NtryDtls><TxDtls><Refs><EndToEndId>E2E-" + i + "</EndToEndId></Refs>"
                + "<RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>"
                + "</TxDtls></NtryDtls></Ntry>\n";
    }
}
