package io.recoup.routes;

import java.time.LocalDate;
import java.util.List;

/** Everything one cycle run did on one day, stage by stage, plus the files that failed as a whole. */
public record DayReport(LocalDate day, List<Reports.Ingest> ingests, List<Reports.Import> imports, Reports.Match match,
                        List<Reports.Post> posts, Reports.Plan plan, Reports.Dispatch dispatch, List<String> failedFiles) {}
