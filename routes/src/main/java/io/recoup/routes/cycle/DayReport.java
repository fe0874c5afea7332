package io.recoup.routes.cycle;

import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.ingest.IngestReport;
import io.recoup.routes.match.MatchReport;
import io.recoup.routes.plan.PlanReport;
import io.recoup.routes.postback.PostReport;
import io.recoup.routes.receive.ImportReport;
import java.time.LocalDate;
import java.util.List;

/** Everything one cycle run did on one day, stage by stage, plus the files that failed as a whole. */
public record DayReport(LocalDate day, List<IngestReport> ingests, List<ImportReport> imports, MatchReport match,
                        List<PostReport> posts, PlanReport plan, DispatchReport dispatch, List<String> failedFiles) {}
