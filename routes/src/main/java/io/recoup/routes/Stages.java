package io.recoup.routes;

/** The stage services of one Recoup instance, handed to the routes together. */
public record Stages(LedgerIngestion ingestion, StatementImport statements, Reconciliation reconciliation,
                     LedgerPostBack postBack, CollectionPlanning planning, ReminderDispatch dispatch) {}
