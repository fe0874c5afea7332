package io.recoup.routes.directdebit;

import java.time.LocalDate;

/** Builds the bank's answers for tests: a pain.002.001.10 status report and a camt.053.001.08 with a returned debit. */
final class BankFiles {
    private BankFiles() {
    }

    /** A report on message {@code messageId}: one transaction of block {@code block} with the status and reason. */
    static String pain002(String messageId, String block, String endToEndId, String status, String reason) {
        String reasonXml = reason == null ? "" : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-%1$s-%3$s</MsgId><CreDtTm>2026-03-13T07:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>%2$s</OrgnlPmtInfId>
                      <TxInfAndSts>
                        <OrgnlEndToEndId>%3$s</OrgnlEndToEndId>
                        <TxSts>%4$s</TxSts>
                        %5$s
                      </TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(messageId, block, endToEndId, status, reasonXml);
    }

    /** A report on message {@code messageId} that rejects the whole block {@code block} with the reason, no transactions. */
    static String pain002Block(String messageId, String block, String reason) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-%1$s-%2$s</MsgId><CreDtTm>2026-03-13T07:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>%2$s</OrgnlPmtInfId>
                      <PmtInfSts>RJCT</PmtInfSts>
                      <StsRsnInf><Rsn><Cd>%3$s</Cd></Rsn></StsRsnInf>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(messageId, block, reason);
    }

    /** A statement with one booked debit returning collection {@code endToEndId} with the reason code. */
    static String camtReturn(String statementId, LocalDate booked, String endToEndId, String mandate, String amount, String reason) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>%2$sT18:00:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="EUR">%5$s</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>RET-%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>%3$s</EndToEndId><MndtId>%4$s</MndtId></Refs>
                          <Amt Ccy="EUR">%5$s</Amt>
                          <CdtDbtInd>DBIT</CdtDbtInd>
                          <RtrInf><Rsn><Cd>%6$s</Cd></Rsn></RtrInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(statementId, booked, endToEndId, mandate, amount, reason);
    }
}
