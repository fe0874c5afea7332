package io.recoup.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * How a sync that read to its end went: the watermark for the next incremental sync (the latest change time the
 * source reported, empty when it reported none) and the number of pages and requests it took.
 */
public record FeedSyncResult(Optional<Instant> watermark, int pages, int requests) {}
