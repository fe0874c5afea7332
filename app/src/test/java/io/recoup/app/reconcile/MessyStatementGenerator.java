package io.recoup.app.reconcile;

import io.recoup.app.reconcile.MessyLedger.Customer;
import io.recoup.app.reconcile.MessyLedger.Invoice;
import io.recoup.sepa.CreditorReference;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes the messy data set of the cash-application test: a ledger CSV, one camt.053.001.08 statement of the kind a
 * real bank delivers (hundreds of entries: references typed every way, typos that hit other real invoices, combined
 * payments, part payments, overpayments, unknown payers, look-alike invoices, foreign currency, batch bookings,
 * returned credits) and {@code truth.csv}: for every credit and return, its case kind, whether a person would match it
 * and what they would allocate. Run {@link #main} to regenerate {@code app/src/test/resources/reconcile/messy}.
 */
final class MessyStatementGenerator {
    static final long SEED = 20261201L;

    private final Random random = new Random(SEED);
    private final MessyLedger ledger = new MessyLedger(random, 80, 7);
    private final List<Invoice> unused;
    private final StatementXml xml = new StatementXml();
    private final List<String> truth = new ArrayList<>();

    private MessyStatementGenerator() {
        unused = new ArrayList<>(ledger.invoices);
        Collections.shuffle(unused, random);
    }

    public static void main(String[] args) throws IOException {
        generate(Path.of(args.length > 0 ? args[0] : "app/src/test/resources/reconcile/messy"));
    }

    static void generate(Path folder) throws IOException {
        MessyStatementGenerator g = new MessyStatementGenerator();
        g.cases();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ledger.csv"), g.ledgerCsv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("statement.xml"), g.xml.document(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("truth.csv"), "entry_ref,tx_index,kind,matchable,expected\n"
                + String.join("\n", g.truth) + "\n", StandardCharsets.UTF_8);
    }

    private void cases() {
        repeat(40, () -> { Invoice i = next(); pay("rf-structured", i, null, rf(i), ""); });
        repeat(25, () -> { Invoice i = next(); pay("rf-in-text", i, null, null, "Zahlung " + rf(i) + " danke"); });
        repeat(20, () -> { Invoice i = next(); pay("rf-spaced-lower-case", i, null, null, "ref " + spaced(rf(i)).toLowerCase()); });
        repeat(30, () -> { Invoice i = next(); pay("number-other-separators", i, maybeUnknown(i), null, otherSeparators(i.number())); });
        repeat(20, () -> { Invoice i = next(); pay("number-prefix-no-zeros", i, maybeUnknown(i), null, "RE " + noZeros(i.number())); });
        repeat(20, () -> typo(true));
        repeat(6, () -> typo(false));
        repeat(20, () -> combined(true));
        repeat(15, () -> combined(false));
        repeat(20, this::partial);
        repeat(10, this::overpayment);
        repeat(25, this::unknownPayer);
        repeat(15, this::lookAlike);
        repeat(10, this::foreignCurrency);
        repeat(20, () -> { Invoice i = next(); pay("payer-and-amount-only", i, known(i), null, "Ueberweisung"); });
        repeat(10, this::severalPayments);
        repeat(5, this::duplicatePayment);
        repeat(8, this::batchBooking);
        repeat(10, this::returnedCredit);
        repeat(6, this::partPaymentOfAnUnknownPayer);
        repeat(5, this::twinAmountsOfOnePayer);
        repeat(5, () -> { Invoice i = next(); pay("someone-elses-rf-known-payer", i, known(i), "RF18539007547034", ""); });
        repeat(5, () -> xml.fee(BigDecimal.valueOf(150 + random.nextInt(900), 2)));
    }

    /** A person would take the number and book a part payment; without a known payer the matcher leaves it to them. */
    private void partPaymentOfAnUnknownPayer() {
        Invoice i = next();
        BigDecimal part = MessyLedger.part(i.amount(), random);
        String ref = xml.credit(part, "EUR", "Max Unbekannt", ledger.iban(), null, "Anzahlung " + i.number());
        truth.add(ref + ",0,part-payment-unknown-payer,true," + i.number() + ":" + part);
    }

    /** Two open invoices of the payer with the same amount and nothing else to go by: nobody can tell which. */
    private void twinAmountsOfOnePayer() {
        Invoice first = next();
        ledger.add(first.customer(), "INV-2026-9" + first.number().substring(first.number().length() - 4), "EUR", first.amount());
        String ref = xml.credit(first.amount(), "EUR", known(first).name, known(first).iban, null, "Zahlung");
        truth.add(ref + ",0,twin-amounts-of-one-payer,false,EXCEPTION");
    }

    // ---- the cases -------------------------------------------------------------------------------------------------

    private void typo(boolean payerKnown) {
        Invoice right = next();
        Invoice other = ledger.invoices.stream().filter(i -> i.customer() != right.customer() && i != right
                && oneDigitApart(i.number(), right.number())).findFirst().orElse(null);
        if (other == null) {
            other = unusedOfAnotherCustomer(right);
        }
        String text = "Rechnung " + other.number();
        if (payerKnown) {
            pay("typo-hits-another-invoice", right, known(right), null, text);
        } else {
            String ref = xml.credit(right.amount(), right.currency(), "Privat Person", ledger.iban(), null, text);
            truth.add(ref + ",0,typo-hits-another-invoice-unknown-payer,false,EXCEPTION");
        }
    }

    private void combined(boolean withNumbers) {
        Invoice first = next();
        List<Invoice> set = new ArrayList<>(List.of(first));
        unused.stream().filter(i -> i.customer() == first.customer()).limit(1 + random.nextInt(2)).forEach(set::add);
        unused.removeAll(set);
        BigDecimal sum = set.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String text = withNumbers ? set.stream().map(Invoice::number).collect(Collectors.joining(", ")) : "Sammelzahlung April";
        Payer payer = withNumbers ? maybeUnknown(first) : known(first);
        String ref = xml.credit(sum, "EUR", payer.name, payer.iban, null, text);
        truth.add(ref + ",0," + (withNumbers ? "combined-with-numbers" : "combined-without-numbers") + ",true,"
                + set.stream().map(i -> i.number() + ":" + i.amount()).collect(Collectors.joining("|")));
    }

    private void partial() {
        Invoice i = next();
        BigDecimal part = MessyLedger.part(i.amount(), random);
        boolean byReference = random.nextBoolean();
        String ref = xml.credit(part, "EUR", known(i).name, known(i).iban, byReference ? rf(i) : null,
                byReference ? "" : "Teilzahlung " + i.number());
        truth.add(ref + ",0,part-payment,true," + i.number() + ":" + part);
    }

    private void overpayment() {
        Invoice i = next();
        BigDecimal more = i.amount().add(BigDecimal.valueOf(100 + random.nextInt(5000), 2));
        String ref = xml.credit(more, "EUR", known(i).name, null, rf(i), "");
        truth.add(ref + ",0,overpayment,true," + i.number() + ":" + i.amount());
    }

    private void unknownPayer() {
        String ref = xml.credit(ledger.amount(), "EUR", "Erika Unbekannt", ledger.iban(), null, "Zahlung");
        truth.add(ref + ",0,unknown-payer,false,EXCEPTION");
    }

    private void lookAlike() {
        Invoice a = next();
        Customer other = ledger.customers.get((ledger.customers.indexOf(a.customer()) + 1 + random.nextInt(20)) % ledger.customers.size());
        String stem = a.number().substring(0, a.number().length() - 1);
        String number = null;
        for (int digit = 0; digit < 10 && number == null; digit++) {
            String candidate = stem + digit;
            if (ledger.invoices.stream().noneMatch(i -> i.number().equals(candidate))) {
                number = candidate;
            }
        }
        if (number == null) {
            return;
        }
        // another customer's invoice that looks alike and has the same amount; its customer pays it quoting A's number
        Invoice b = ledger.add(other, number, "EUR", a.amount());
        pay("look-alike-of-another-customer", b, known(b), null, "Rechnung " + a.number());
    }

    private void foreignCurrency() {
        Invoice i = next();
        String ref = xml.credit(i.amount(), "USD", known(i).name, known(i).iban, random.nextBoolean() ? rf(i) : null, i.number());
        truth.add(ref + ",0,foreign-currency,false,EXCEPTION");
    }

    private void severalPayments() {
        Invoice i = next();
        BigDecimal first = MessyLedger.part(i.amount(), random);
        String one = xml.credit(first, "EUR", known(i).name, null, rf(i), "");
        String two = xml.credit(i.amount().subtract(first), "EUR", known(i).name, null, rf(i), "");
        truth.add(one + ",0,several-payments-for-one-invoice,true," + i.number() + ":" + first);
        truth.add(two + ",0,several-payments-for-one-invoice,true," + i.number() + ":" + i.amount().subtract(first));
    }

    private void duplicatePayment() {
        Invoice i = next();
        pay("paid-twice-first", i, known(i), rf(i), "");
        String ref = xml.credit(i.amount(), "EUR", known(i).name, null, rf(i), "");
        truth.add(ref + ",0,paid-twice-second,false,EXCEPTION");
    }

    private void batchBooking() {
        List<Invoice> set = List.of(next(), next(), next());
        String ref = xml.batch(set.stream().map(i -> new StatementXml.Detail(i.amount(), known(i).name, known(i).iban, rf(i)))
                .toList());
        for (int k = 0; k < set.size(); k++) {
            truth.add(ref + "," + k + ",batch-booking-detail,true," + set.get(k).number() + ":" + set.get(k).amount());
        }
    }

    private void returnedCredit() {
        Invoice i = next();
        String endToEnd = "E2E-RET-" + i.id();
        String credit = xml.credit(i.amount(), "EUR", known(i).name, null, rf(i), "", endToEnd);
        truth.add(credit + ",0,returned-credit-original,true," + i.number() + ":" + i.amount());
        String back = xml.returned(i.amount(), endToEnd, random.nextBoolean() ? "AC04" : "MS03");
        truth.add(back + ",0,returned-credit-return,true," + i.number() + ":-" + i.amount());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Payer(String name, String iban) {}

    private void pay(String kind, Invoice i, Payer payer, String reference, String text) {
        Payer who = payer == null ? known(i) : payer;
        String ref = xml.credit(i.amount(), i.currency(), who.name, who.iban, reference, text);
        truth.add(ref + ",0," + kind + ",true," + i.number() + ":" + i.amount());
    }

    private Payer known(Invoice i) {
        Customer c = i.customer();
        return new Payer(MessyLedger.Payer.asBankWrites(c.name(), random), c.ibanInLedger() ? c.iban() : null);
    }

    private Payer maybeUnknown(Invoice i) {
        return random.nextBoolean() ? known(i) : new Payer("Max Unbekannt", ledger.iban());
    }

    private Invoice next() {
        return unused.remove(unused.size() - 1);
    }

    private Invoice unusedOfAnotherCustomer(Invoice right) {
        return ledger.invoices.stream().filter(i -> i.customer() != right.customer()).findFirst().orElseThrow();
    }

    private static boolean oneDigitApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int k = 0; k < a.length(); k++) {
            diff += a.charAt(k) == b.charAt(k) ? 0 : 1;
        }
        return diff == 1;
    }

    private String rf(Invoice i) {
        return CreditorReference.forInvoice(i.number(), "csv:" + i.id()).value();
    }

    private static String spaced(String rf) {
        return CreditorReference.parse(rf).printFormat();
    }

    private String otherSeparators(String number) {
        String[] p = number.split("-");
        return switch (random.nextInt(3)) {
            case 0 -> "Rechnung " + p[1] + "/" + p[2];
            case 1 -> "inv " + p[1] + " " + p[2];
            default -> "Invoice no. " + p[0] + "/" + p[1] + "/" + p[2];
        };
    }

    private static String noZeros(String number) {
        String[] p = number.split("-");
        return p[1] + "-" + Integer.parseInt(p[2]);
    }

    private String ledgerCsv() {
        StringBuilder csv = new StringBuilder("invoice_id,invoice_number,customer_id,customer_name,issue_date,due_date,currency,"
                + "amount,customer_iban\n");
        for (Invoice i : ledger.invoices) {
            Customer c = i.customer();
            csv.append(i.id()).append(',').append(i.number()).append(',').append(c.id()).append(",\"").append(c.name())
                    .append("\",").append(i.issued()).append(',').append(i.due()).append(',').append(i.currency()).append(',')
                    .append(i.amount()).append(',').append(c.ibanInLedger() ? c.iban() : "").append('\n');
        }
        return csv.toString();
    }

    private void repeat(int times, Runnable one) {
        for (int k = 0; k < times; k++) {
            one.run();
        }
    }
}
