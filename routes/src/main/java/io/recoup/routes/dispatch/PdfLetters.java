package io.recoup.routes.dispatch;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.LetterFormat;
import io.recoup.core.port.Attachment;
import io.recoup.core.port.LetterPrinter;
import io.recoup.store.dispatch.DueNotice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The formal letter of a step that asks for one ({@code letter: pdf}): the notice's own template with the same values,
 * in the letter layout (sender, recipient, date, the late charges itemised per invoice with interest, compensation and
 * how they were computed), printed by the {@link LetterPrinter}. The QR codes stay in the e-mail: a letter has no
 * inline images. A letter that cannot be made stops the notice (it is parked for a person), rather than going out
 * without the letter the policy asked for.
 */
final class PdfLetters implements Letters {
    private final MessageTemplates templates;
    private final LetterPrinter printer;
    private final Function<String, Optional<LetterFormat>> letterOfStep;

    PdfLetters(MessageTemplates templates, LetterPrinter printer, Function<String, Optional<LetterFormat>> letterOfStep) {
        this.templates = templates;
        this.printer = printer;
        this.letterOfStep = letterOfStep;
    }

    @Override
    public Optional<Attachment> letterFor(DueNotice notice, List<DueNotice.Line> lines, String template, Locale language,
                                          Map<String, Object> values) {
        if (letterOfStep.apply(lines.get(0).stepKey()).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> letter = new LinkedHashMap<>(values);
        letter.put("payment.qr", List.of());
        String xhtml = templates.renderHtml(template, language, letter, MessageTemplates.LETTER_LAYOUT)
                .orElseThrow(() -> new RecoupException(ErrorCode.TEMPLATE_MISSING, "the step asks for a letter, but there is no "
                        + MessageTemplates.LETTER_LAYOUT + " to lay it out"));
        return Optional.of(new Attachment("letter-notice-" + notice.noticeId().value() + "." + printer.extension(),
                printer.contentType(), printer.print(xhtml)));
    }
}
