package io.recoup.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused configuration as Spring Boot's short "APPLICATION FAILED TO START" report, not a stack trace. */
class ConfigurationRefusedAnalyzer extends AbstractFailureAnalyzer<ConfigurationRefused> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + String.join(", ", cause.keys())
                + " (--recoup.key=value, an environment variable such as RECOUP_CREDITOR_IBAN, or application.yaml beside the jar).", cause);
    }
}
