package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JournalEntrySoapTest {
    private static final String CONFIRMED = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap-env:Body><n0:JournalEntryBulkCreateConfirmation xmlns:n0=\"http://sap.com/xi/SAPSCORE/SFIN\">"
            + "<JournalEntryCreateConfirmation><JournalEntryCreateConfirmation><AccountingDocument>0100000007"
            + "</AccountingDocument><CompanyCode>1010</CompanyCode><FiscalYear>2026</FiscalYear>"
            + "</JournalEntryCreateConfirmation><Log><MaximumLogItemSeverityCode>2</MaximumLogItemSeverityCode><Item>"
            + "<Note>Check the tax code</Note></Item></Log></JournalEntryCreateConfirmation>"
            + "</n0:JournalEntryBulkCreateConfirmation></soap-env:Body></soap-env:Envelope>";

    @Test
    void readsTheCreatedDocumentEvenWithWarnings() {
        assertThat(JournalEntrySoap.confirmation(CONFIRMED, "RCP-1-1")).hasToString("1010/2026/0100000007");
    }

    @Test
    void takesANullDocumentNumberAsRefused() {
        String refused = CONFIRMED.replace("0100000007", "0000000000").replace(">2<", ">3<");

        assertThatThrownBy(() -> JournalEntrySoap.confirmation(refused, "RCP-1-1"))
                .hasMessageContaining("RCP-1-1").hasMessageContaining("Check the tax code");
    }

    @Test
    void reportsASoapFaultsText() {
        String fault = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultcode>s:Server</faultcode><faultstring>Web service processing error</faultstring></s:Fault>"
                + "</s:Body></s:Envelope>";

        assertThatThrownBy(() -> JournalEntrySoap.confirmation(fault, "RCP-1-1"))
                .hasMessageContaining("SOAP fault: Web service processing error");
    }

    @Test
    void refusesAnAnswerWithADoctype() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + CONFIRMED;

        assertThatThrownBy(() -> JournalEntrySoap.confirmation(xxe, "RCP-1-1"))
                .hasMessageContaining("not readable XML").hasMessageContaining("unclear");
    }
}
