package io.recoup.adapters.businesscentral.testserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the in-test Business Central holds, per company: customers, sales invoices (a list whose order never changes,
 * so a page token is a position in it), customer payment journals with their lines, and general ledger entries (lines
 * of a journal a finance team has posted). Records are small so a million invoices fit in memory; every change to an
 * invoice stamps a new {@code lastModifiedDateTime} as Business Central does.
 */
public final class BcData {
    /** A row the server can filter and serialize: its value for an API property name, or null. */
    public interface Stored {
        UUID id();

        Object get(String property);
    }

    public record Company(UUID id, String name, String displayName) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "name" -> name;
                case "displayName" -> displayName;
                default -> null;
            };
        }
    }

    /** {@code blocked} is a member of {@code customerBlocked}: {@code _x0020_} (not blocked), Ship, Invoice, All. */
    public record Customer(UUID id, String number, String displayName, String email, String phoneNumber,
                           String blocked, Instant lastModifiedDateTime) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "number" -> number;
                case "displayName" -> displayName;
                case "email" -> email;
                case "phoneNumber" -> phoneNumber;
                case "blocked" -> blocked;
                case "lastModifiedDateTime" -> lastModifiedDateTime;
                default -> null;
            };
        }
    }

    /** {@code status} is a member of {@code invoiceEntityAggregateStatus}: Draft, Open, Paid, Canceled, Corrective... */
    public record Invoice(UUID id, String number, LocalDate invoiceDate, LocalDate dueDate, UUID customerId,
                          String customerNumber, String currencyCode, BigDecimal totalAmountIncludingTax,
                          BigDecimal remainingAmount, String status, Instant lastModifiedDateTime) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "number" -> number;
                case "invoiceDate", "postingDate" -> invoiceDate;
                case "dueDate" -> dueDate;
                case "customerId" -> customerId;
                case "customerNumber" -> customerNumber;
                case "currencyCode" -> currencyCode;
                case "totalAmountIncludingTax" -> totalAmountIncludingTax;
                case "remainingAmount" -> remainingAmount;
                case "status" -> status;
                case "lastModifiedDateTime" -> lastModifiedDateTime;
                default -> null;
            };
        }

        public Invoice paid(Instant at) {
            return new Invoice(id, number, invoiceDate, dueDate, customerId, customerNumber, currencyCode,
                    totalAmountIncludingTax, BigDecimal.ZERO, "Paid", at);
        }

        public Invoice remaining(BigDecimal amount, Instant at) {
            return new Invoice(id, number, invoiceDate, dueDate, customerId, customerNumber, currencyCode,
                    totalAmountIncludingTax, amount, status, at);
        }
    }

    public record Journal(UUID id, String code, String displayName) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "code" -> code;
                case "displayName" -> displayName;
                default -> null;
            };
        }
    }

    public record Payment(UUID id, UUID journalId, int lineNumber, UUID customerId, LocalDate postingDate,
                          String documentNumber, String externalDocumentNumber, BigDecimal amount,
                          UUID appliesToInvoiceId, String description) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "journalId" -> journalId;
                case "lineNumber" -> lineNumber;
                case "customerId" -> customerId;
                case "postingDate" -> postingDate;
                case "documentNumber" -> documentNumber;
                case "externalDocumentNumber" -> externalDocumentNumber;
                case "amount" -> amount;
                case "appliesToInvoiceId" -> appliesToInvoiceId;
                case "description" -> description;
                default -> null;
            };
        }
    }

    public record LedgerEntry(UUID id, int entryNumber, LocalDate postingDate, String documentNumber,
                              BigDecimal creditAmount) implements Stored {
        public Object get(String p) {
            return switch (p) {
                case "id" -> id;
                case "entryNumber" -> entryNumber;
                case "postingDate" -> postingDate;
                case "documentNumber" -> documentNumber;
                case "creditAmount" -> creditAmount;
                default -> null;
            };
        }
    }

    private final List<Company> companies = new ArrayList<>();
    private final Map<UUID, Map<UUID, Customer>> customers = new HashMap<>();
    private final Map<UUID, List<Invoice>> invoices = new HashMap<>();
    private final Map<UUID, Map<UUID, Integer>> invoicePositions = new HashMap<>();
    private final Map<UUID, List<Journal>> journals = new HashMap<>();
    private final Map<UUID, List<Payment>> payments = new HashMap<>();
    private final Map<UUID, List<LedgerEntry>> ledger = new HashMap<>();

    public synchronized Company addCompany(String name) {
        Company company = new Company(UUID.randomUUID(), name, name + " Ltd.");
        companies.add(company);
        customers.put(company.id(), new HashMap<>());
        invoices.put(company.id(), new ArrayList<>());
        invoicePositions.put(company.id(), new HashMap<>());
        journals.put(company.id(), new ArrayList<>());
        ledger.put(company.id(), new ArrayList<>());
        return company;
    }

    public synchronized Customer addCustomer(UUID company, Customer customer) {
        customers.get(company).put(customer.id(), customer);
        return customer;
    }

    public synchronized Invoice addInvoice(UUID company, Invoice invoice) {
        invoicePositions.get(company).put(invoice.id(), invoices.get(company).size());
        invoices.get(company).add(invoice);
        return invoice;
    }

    public synchronized Invoice changeInvoice(UUID company, UUID invoice, UnaryOperator<Invoice> change) {
        int at = invoicePositions.get(company).get(invoice);
        Invoice changed = change.apply(invoices.get(company).get(at));
        invoices.get(company).set(at, changed);
        return changed;
    }

    public synchronized Journal addJournal(UUID company, String code) {
        Journal journal = new Journal(UUID.randomUUID(), code, code + " payments");
        journals.get(company).add(journal);
        payments.put(journal.id(), new ArrayList<>());
        return journal;
    }

    /** Posts a journal as a finance team would in Business Central: its lines become ledger entries and leave it. */
    public synchronized void postJournal(UUID company, UUID journal) {
        List<LedgerEntry> entries = ledger.get(company);
        for (Payment line : payments.get(journal)) {
            entries.add(new LedgerEntry(UUID.randomUUID(), entries.size() + 1, line.postingDate(),
                    line.documentNumber(), line.amount()));
        }
        payments.get(journal).clear();
    }

    public synchronized List<Company> companies() {
        return List.copyOf(companies);
    }

    public synchronized List<Invoice> invoices(UUID company) {
        return invoices.get(company);
    }

    public synchronized Optional<Customer> customer(UUID company, UUID id) {
        return Optional.ofNullable(customers.get(company).get(id));
    }

    public synchronized List<Customer> customers(UUID company) {
        return List.copyOf(customers.get(company).values());
    }

    public synchronized List<Journal> journals(UUID company) {
        return List.copyOf(journals.get(company));
    }

    public synchronized List<Payment> payments(UUID journal) {
        return List.copyOf(payments.get(journal));
    }

    public synchronized List<LedgerEntry> ledgerEntries(UUID company) {
        return List.copyOf(ledger.get(company));
    }

    synchronized Payment addPayment(UUID journal, Payment payment) {
        List<Payment> lines = payments.get(journal);
        Payment stored = new Payment(UUID.randomUUID(), journal, (lines.size() + 1) * 10000, payment.customerId(),
                payment.postingDate(), payment.documentNumber(), payment.externalDocumentNumber(), payment.amount(),
                payment.appliesToInvoiceId(), payment.description());
        lines.add(stored);
        return stored;
    }

    synchronized boolean hasJournal(UUID company, UUID journal) {
        return journals.get(company).stream().anyMatch(j -> j.id().equals(journal));
    }
}
