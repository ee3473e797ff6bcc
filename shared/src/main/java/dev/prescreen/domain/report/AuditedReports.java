package dev.prescreen.domain.report;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.compliance.SubjectAccess;

/**
 * What recruiters do with candidates' data through the reports API, each action appended to the audit trail after it
 * succeeded: reading a report or a ranking, overriding a score, exporting or erasing a candidate.
 */
public final class AuditedReports {

    private final ReportService reports;
    private final ErasureService erasure;
    private final SubjectAccess subjectAccess;
    private final AuditTrail audit;

    public AuditedReports(ReportService reports, ErasureService erasure, SubjectAccess subjectAccess,
            AuditTrail audit) {
        this.reports = reports;
        this.erasure = erasure;
        this.subjectAccess = subjectAccess;
        this.audit = audit;
    }

    public ReportService.ReportView read(String organisation, String interviewId, String actor) {
        ReportService.ReportView view = reports.get(organisation, interviewId);
        audit.record(organisation, actor, AuditAction.REPORT_READ, subject(view.report()), null);
        return view;
    }

    /** @param reviewer how the report names the reviewer (their email, as the report has always kept it) */
    public ReportService.ReportView review(String organisation, String interviewId, Integer position, Integer score,
            String reason, String reviewer, String actor) {
        ReportService.ReportView view = reports.review(organisation, interviewId, position, score, reason, reviewer);
        Report.Review last = view.report().reviews().get(view.report().reviews().size() - 1);
        audit.record(organisation, actor, AuditAction.REPORT_OVERRIDDEN, subject(view.report()), "question "
                + last.position() + ": " + (last.previousScore() == null ? "none" : last.previousScore()) + " -> "
                + last.score());
        return view;
    }

    /** A plan's candidates, listed ({@code exported} false) or downloaded as CSV. */
    public Page<CandidateListing.CandidateSummary> ranking(String organisation, String planId, String state,
            Boolean passed, int limit, String cursor, boolean exported, String actor) {
        Page<CandidateListing.CandidateSummary> page = reports.candidates(organisation, planId, state, passed, limit,
                cursor);
        audit.record(organisation, actor, exported ? AuditAction.RANKING_EXPORTED : AuditAction.RANKING_READ,
                new AuditTrail.Subject(null, null, planId), page.items().size() + " candidates, state " + state);
        return page;
    }

    /** Everything held about one candidate, with their report (and its recording links) when they have one. */
    public record Export(SubjectAccess.CandidateExport data, ReportService.ReportView report) {
    }

    public Export export(String organisation, String candidateId, String actor) {
        SubjectAccess.CandidateExport data = subjectAccess.export(organisation, candidateId, actor);
        ReportService.ReportView report = null;
        if (data.interview() != null) {
            try {
                report = reports.get(organisation, data.interview().interviewId());
            } catch (DomainException.NotFound notScoredYet) {
                report = null;
            }
        }
        return new Export(data, report);
    }

    public void erase(String organisation, String candidateId, String actor) {
        String interviewId = erasure.erase(organisation, candidateId);
        audit.record(organisation, actor, AuditAction.CANDIDATE_ERASED, new AuditTrail.Subject(candidateId,
                interviewId, null), null);
    }

    private static AuditTrail.Subject subject(Report report) {
        return new AuditTrail.Subject(report.candidateId(), report.interviewId(), report.planId());
    }
}
