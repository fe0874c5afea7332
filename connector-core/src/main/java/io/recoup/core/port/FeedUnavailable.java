package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/**
 * The source could not be read to the end of the sync after the retries its adapter allows (down, refusing our
 * credentials, a page that keeps failing). The sync stops; the pages already handed over stay loaded and the watermark
 * does not move, so the next sync reads the rest again.
 */
public final class FeedUnavailable extends RecoupException {
    public FeedUnavailable(String source, String reason, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, source + ": " + reason, cause);
    }
}
