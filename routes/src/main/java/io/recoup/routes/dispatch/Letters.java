package io.recoup.routes.dispatch;

import io.recoup.core.port.Attachment;
import io.recoup.store.dispatch.DueNotice;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The formal letter a notice's step asks to be sent with its e-mail (a PDF of the same template and values), or none.
 */
interface Letters {
    /** No letters: what dispatch does without a letter printer or on a step that does not ask for one. */
    Letters NONE = (notice, lines, template, language, values) -> Optional.empty();

    Optional<Attachment> letterFor(DueNotice notice, List<DueNotice.Line> lines, String template, Locale language,
                                   Map<String, Object> values);
}
