package io.recoup.sepa.pain008;

import io.recoup.sepa.mandate.MandateScheme;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes pain.008 direct-debit initiation files and returns only files that passed XSD validation: a file the
 * schema rejects throws {@code SCHEMA_INVALID} listing every error with line and column, and no bytes leave this
 * class, so nothing invalid can reach an outbox.
 *
 * <p>Written with the JDK's StAX {@code XMLStreamWriter}, not Prowide's model classes: pw-iso20022 is a 54 MB jar
 * with JAXB behind it and a dependency missing from our mirror, while a pain.008 is some thirty elements whose order
 * and namespace StAX controls exactly; the XSD check catches any slip.
 *
 * <p>Before any XML: every collection must carry the file creditor's identifier, its requested collection date must
 * be at least one TARGET business day after today's date in the clock's zone (D-1,
 * {@link io.recoup.sepa.collection.CollectionDates}), and BICs and addresses must be there where the options or the
 * EPC (debtors outside the EEA) require them.
 *
 * <p>One message never mixes local instruments: CORE and B2B are separate schemes with separate rulebooks, banks
 * take them as separate orders (EBICS CDD and CDB in Germany), and the DK schema says so at
 * {@code PmtInf/PmtTpInf/LclInstrm}: "The mixing of different Local Instrument values is not allowed in the same
 * message". So the collections are split by scheme first (CORE before B2B), then into files of at most
 * {@code maxTransactionsPerFile}; each file is one message. Within a file they are sorted into payment-information
 * blocks per (requested collection date, scheme, sequence type). When there is more than one file, the message ids
 * get {@code -1}, {@code -2}, ... appended. Block ids ({@code PmtInfId}) are the file's message id plus {@code -P1},
 * {@code -P2}, ..., cut (like the message ids) to the 35 characters of Max35Text from the head, never from the
 * suffixes, so they are distinct across all files of one call. Instances are immutable and thread-safe.
 */
public final class Pain008Writer {
    private final Pain008Options options;
    private final SchemaSource schemas;
    private final Clock clock;

    public Pain008Writer(Pain008Options options, SchemaSource schemas, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A writer validating against the XSDs bundled in hbci4j-core ({@link SchemaSource#bundled()}). */
    public Pain008Writer(Pain008Options options, Clock clock) {
        this(options, SchemaSource.bundled(), clock);
    }

    /**
     * The files for {@code message}, in order: one per local instrument ({@link Pain008File#scheme()}), more than one
     * of a scheme when it has more than {@code maxTransactionsPerFile} collections. Every collection of the message
     * is in exactly one file; hand each file to the bank as its own order.
     */
    public List<Pain008File> write(Pain008Message message) {
        Objects.requireNonNull(message, "message");
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate submissionDate = now.toLocalDate();
        CollectionChecks.check(message, options, submissionDate);
        String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now);
        List<List<DirectDebit>> parts = parts(message.debits());
        List<Pain008File> files = new ArrayList<>(parts.size());
        for (int part = 0; part < parts.size(); part++) {
            String fileSuffix = parts.size() == 1 ? "" : "-" + (part + 1);
            files.add(writeFile(message, fileSuffix, parts.get(part), created));
        }
        return List.copyOf(files);
    }

    /** The collections of each file: one local instrument per message, at most the bank's maximum, in block order. */
    private List<List<DirectDebit>> parts(List<DirectDebit> debits) {
        Map<MandateScheme, List<DirectDebit>> byScheme = new EnumMap<>(MandateScheme.class);
        for (DirectDebit debit : debits) {
            byScheme.computeIfAbsent(debit.scheme(), key -> new ArrayList<>()).add(debit);
        }
        int max = options.maxTransactionsPerFile();
        List<List<DirectDebit>> parts = new ArrayList<>();
        for (List<DirectDebit> sameScheme : byScheme.values()) {
            sameScheme.sort(Comparator.comparing(PaymentGroup::of));
            for (int from = 0; from < sameScheme.size(); from += max) {
                parts.add(sameScheme.subList(from, Math.min(sameScheme.size(), from + max)));
            }
        }
        return parts;
    }

    /**
     * One file; its message id is the message's id plus {@code fileSuffix}, each block id the message's id plus
     * {@code fileSuffix} and {@code -Pn}. Both suffixes go onto the message's own id, so when a long id has to be cut
     * to 35 characters the cut falls on the shared head and every file's block ids stay distinct (cutting the
     * file's id instead would cut its {@code -n} away and repeat {@code ...-P1} in every file).
     */
    private Pain008File writeFile(Pain008Message message, String fileSuffix, List<DirectDebit> debits, String created) {
        String messageId = fileSuffix.isEmpty() ? message.messageId() : withSuffix(message.messageId(), fileSuffix);
        Map<PaymentGroup, List<DirectDebit>> groups = new LinkedHashMap<>();
        for (DirectDebit debit : debits) {
            groups.computeIfAbsent(PaymentGroup.of(debit), key -> new ArrayList<>()).add(debit);
        }
        List<String> blockIds = new ArrayList<>(groups.size());
        for (int i = 1; i <= groups.size(); i++) {
            blockIds.add(withSuffix(message.messageId(), fileSuffix + "-P" + i));
        }
        byte[] xml = Pain008Xml.render(options, message, messageId, created, groups, blockIds);
        return finish(messageId, debits.get(0).scheme(), xml, debits.size(), Pain008Xml.sum(debits), blockIds);
    }

    /** Validates and wraps; the only way to a {@link Pain008File}. Package-private so tests can feed tampered bytes. */
    Pain008File finish(String messageId, MandateScheme scheme, byte[] xml, int transactions, BigDecimal controlSum,
            List<String> blockIds) {
        SchemaCheck.validate(xml, messageId, options.version(), schemas);
        return new Pain008File(messageId, options.version(), scheme, xml, transactions, controlSum, blockIds);
    }

    /** {@code id + suffix}, cutting {@code id} so the result keeps to 35 characters and ends in no '/'. */
    private static String withSuffix(String id, String suffix) {
        String head = id.length() + suffix.length() <= 35 ? id : id.substring(0, 35 - suffix.length());
        while (head.endsWith("/")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + suffix;
    }
}
