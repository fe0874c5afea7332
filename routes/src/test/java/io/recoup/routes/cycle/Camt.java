package io.recoup.routes.cycle;

/** Builds small camt.053.001.08 statements for tests: booked credits with an RF reference or free text. */
final class Camt {
    private Camt() {
    }

    static String statement(String id, String... entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>2026-03-02T18:00:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %2$s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(id, String.join("\n", entries));
    }

    static String credit(String accountServicerReference, String amount, String rf, String text) {
        String remittance = rf != null
                ? "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>" + rf + "</Ref></CdtrRefInf></Strd>"
                : "<Ustrd>" + text + "</Ustrd>";
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%2$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-03-02</Dt></BookgDt>
                        <ValDt><Dt>2026-03-02</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>E2E-%1$s</EndToEndId></Refs>
                          <Amt Ccy="EUR">%2$s</Amt>
                          <CdtDbtInd>CRDT</CdtDbtInd>
                          <RmtInf>%3$s</RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>""".formatted(accountServicerReference, amount, remittance);
    }

    /** A credit with free text from a payer named on the statement, with the account it came from. */
    static String credit(String accountServicerReference, String amount, String text, String payerName, String payerIban) {
        return credit(accountServicerReference, amount, null, text).replace("<RmtInf>", "<RltdPties><Dbtr><Pty><Nm>" + payerName
                + "</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>" + payerIban + "</IBAN></Id></DbtrAcct></RltdPties>\n      <RmtInf>");
    }

    /** A booked debit that returns the credit with end-to-end id {@code endToEnd}, with the bank's reason code. */
    static String returned(String accountServicerReference, String amount, String endToEnd, String reason) {
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%2$s</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-03-04</Dt></BookgDt>
                        <ValDt><Dt>2026-03-04</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>%3$s</EndToEndId></Refs>
                          <Amt Ccy="EUR">%2$s</Amt>
                          <CdtDbtInd>DBIT</CdtDbtInd>
                          <RtrInf><Rsn><Cd>%4$s</Cd></Rsn></RtrInf>
                        </TxDtls></NtryDtls>
                      </Ntry>""".formatted(accountServicerReference, amount, endToEnd, reason);
    }
}
