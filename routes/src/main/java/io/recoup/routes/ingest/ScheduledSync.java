package io.recoup.routes.ingest;

import java.time.Duration;

/** A source read over an API: its sync and how often it runs. */
public record ScheduledSync(SourceSync sync, Duration every) {}
