package io.recoup.app;

/** A camt.053 statement with one booked credit, as the application's tests feed it to the receive stage. */
final class CamtCredits {
    private CamtCredits() {
    }

    /** One credit of {@code amount} EUR booked on {@code day}, with {@code details} inside its transaction details. */
    static String credit(String bankReference, String amount, String day, String details) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%3$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>%3$sT18:00:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="EUR">%2$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%3$s</Dt></BookgDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <Amt Ccy="EUR">%2$s</Amt>
                          <CdtDbtInd>CRDT</CdtDbtInd>
                          %4$s
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(bankReference, amount, day, details);
    }
}
