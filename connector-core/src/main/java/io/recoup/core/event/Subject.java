package io.recoup.core.event;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.OpenItemKey;
import java.util.Objects;

/**
 * What an event is about, as the event log keys it: the kind of row ({@code open_item}, {@code notice}, ...) and
 * its id as text. Built only through the factories, so each kind of row is always named and printed one way.
 */
public record Subject(String entity, String id) {
    public Subject {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
    }

    public static Subject item(OpenItemKey item) {
        return new Subject("open_item", item.toString());
    }

    public static Subject customer(CustomerKey customer) {
        return new Subject("customer", customer.toString());
    }

    public static Subject notice(NoticeId notice) {
        return new Subject("notice", notice.toString());
    }

    public static Subject receipt(ReceiptId receipt) {
        return new Subject("receipt", receipt.toString());
    }

    public static Subject allocation(AllocationId allocation) {
        return new Subject("allocation", allocation.toString());
    }

    public static Subject mandate(long mandateId) {
        return new Subject("mandate", Long.toString(mandateId));
    }

    /** A pain.008 file by its name, or the day no file could be written. */
    public static Subject pain008File(String fileName) {
        return new Subject("pain008_file", fileName);
    }

    /** A bank statement by the file or message it came in. */
    public static Subject statement(String origin) {
        return new Subject("statement", origin);
    }
}
