package io.recoup.routes.dispatch;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.routes.CreditorDetails;
import io.recoup.store.dispatch.DueNotice;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A due notice as the message its channel gets: dispatch's own rendering (text, HTML, QR codes, letter) and the
 * message it hands over, for those who measure or preview it without a database (the mail bench). Dispatch builds
 * its messages through {@link #message(DueNotice, NoticeRenderer.Rendered)} too.
 */
public final class NoticeMessages {
    /** The value naming the address of a message's one-click unsubscribe (RFC 8058), for the e-mail channel's headers. */
    public static final String UNSUBSCRIBE_URL = "unsubscribe.url";

    private final NoticeRenderer renderer;

    public NoticeMessages(MessageTemplates templates, CreditorDetails creditor, Clock clock) {
        this.renderer = new NoticeRenderer(templates, creditor, clock);
    }

    /** The message for every line of {@code notice}, with bank transfer as the way to pay. */
    public ReminderMessage message(DueNotice notice) {
        return message(notice, renderer.render(notice, notice.lines()));
    }

    /** The message carrying {@code rendered} to the notice's address on its channel, keyed by the notice. */
    static ReminderMessage message(DueNotice notice, NoticeRenderer.Rendered rendered) {
        return message(notice, rendered, Optional.empty());
    }

    /** As above, with the address of the notice's one-click unsubscribe (value {@code unsubscribe.url}) where there is one. */
    static ReminderMessage message(DueNotice notice, NoticeRenderer.Rendered rendered, Optional<URI> unsubscribe) {
        Map<String, String> values = rendered.values();
        if (unsubscribe.isPresent()) {
            values = new HashMap<>(values);
            values.put(UNSUBSCRIBE_URL, unsubscribe.get().toString());
        }
        String address = notice.channel() == Channel.EMAIL ? notice.email().orElseThrow() : notice.phone().orElseThrow();
        return new ReminderMessage("notice-" + notice.noticeId(), notice.customerName(), address, rendered.subject(),
                rendered.body(), rendered.attachments(), rendered.html(), rendered.inline(), values);
    }
}
