package io.recoup.adapters.sap.testserver;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The rows the test SAP system holds in {@code A_OperationalAcctgDocItemCube}, keyed by company code, fiscal year,
 * journal entry and item, with values in the types Olingo writes for the EDMX (String, Boolean, BigDecimal, Calendar
 * at midnight UTC for {@code Edm.DateTime} with date display format). Tests put, change and clear rows here; the
 * journal entry stub adds the customer line of every payment it accepts.
 */
public final class CubeLedger {
    private final Map<String, Map<String, Object>> rows = new TreeMap<>();

    public synchronized void put(Map<String, Object> row) {
        rows.put(key(row), new LinkedHashMap<>(row));
    }

    /** Changes one row in place (e.g. a new amount and LastChangeDate). */
    public synchronized void change(String companyCode, String fiscalYear, String document, String item,
                                    Consumer<Map<String, Object>> change) {
        Map<String, Object> row = rows.get(String.join("/", companyCode, fiscalYear, document, item));
        if (row == null) {
            throw new IllegalArgumentException("no row " + companyCode + "/" + fiscalYear + "/" + document + "/" + item);
        }
        change.accept(row);
    }

    public synchronized List<Map<String, Object>> rows() {
        List<Map<String, Object>> copy = new ArrayList<>();
        rows.values().forEach(r -> copy.add(new LinkedHashMap<>(r)));
        return copy;
    }

    public synchronized List<Map<String, Object>> rowsWhere(String field, Object value) {
        return rows().stream().filter(r -> value.equals(r.get(field))).toList();
    }

    private static String key(Map<String, Object> row) {
        return String.join("/", (String) row.get("CompanyCode"), (String) row.get("FiscalYear"),
                (String) row.get("AccountingDocument"), (String) row.get("AccountingDocumentItem"));
    }

    /** An open customer invoice item as SAP posts one (debit, not cleared, no special G/L). */
    public static Map<String, Object> invoice(String companyCode, String document, String customer, String amount,
                                              LocalDate documentDate, LocalDate due) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CompanyCode", companyCode);
        row.put("FiscalYear", String.valueOf(documentDate.getYear()));
        row.put("AccountingDocument", document);
        row.put("AccountingDocumentItem", "001");
        row.put("FinancialAccountType", "D");
        row.put("SpecialGLCode", "");
        row.put("AccountingDocumentType", "DR");
        row.put("DebitCreditCode", "S");
        row.put("IsCleared", Boolean.FALSE);
        row.put("Customer", customer);
        row.put("CustomerName", "Customer " + customer);
        row.put("DocumentReferenceID", "INV-" + document);
        row.put("AmountInTransactionCurrency", new BigDecimal(amount));
        row.put("TransactionCurrency", "EUR");
        row.put("DocumentDate", date(documentDate));
        row.put("PostingDate", date(documentDate));
        row.put("AccountingDocumentCreationDate", date(documentDate));
        row.put("NetDueDate", date(due));
        return row;
    }

    /** {@code Edm.DateTime} as Olingo takes it: a Calendar in UTC. */
    public static Calendar date(LocalDate day) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.setTimeInMillis(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return c;
    }
}
