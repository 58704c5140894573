package dev.logindoctor.probe;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.FailureReportRules;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Diagnoses a probe failure on the laptop, the way {@code login-doctor diagnose} does: the report
 * goes through the same rules as a parsed one, the local engine runs every step, and the
 * diagnosis is stored. Returns the diagnosis id.
 */
public final class LocalDiagnosisStarter implements DiagnosisStarter {
    private final EvidenceSources sources;
    private final Clock clock;
    private final Consumer<Diagnosis> store;

    public LocalDiagnosisStarter(EvidenceSources sources, Clock clock, Consumer<Diagnosis> store) {
        this.sources = sources;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public String start(FailureReport report) {
        FailureReport checked = FailureReportRules.check(report);
        Diagnosis diagnosis = new LocalDiagnosisEngine(sources, clock).diagnose(checked);
        store.accept(diagnosis);
        return diagnosis.diagnosisId();
    }
}
