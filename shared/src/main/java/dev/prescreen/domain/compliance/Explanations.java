package dev.prescreen.domain.compliance;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Messages;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.bank.QuestionBank;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.bank.TypeGuidance;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportEmails;
import dev.prescreen.domain.report.ReportRepository;
import dev.prescreen.domain.session.OpenSession;
import dev.prescreen.scoring.QuestionType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The explanation of an assessment a candidate may ask for (EU AI Act Art. 86, Colorado): the questions asked, what
 * each type's rubric looks for, the scores with the evidence quoted from their own answers, that a person reviews
 * and can change any score, and how to ask for that. Plain language in the plan's language, as HTML and as text.
 */
public final class Explanations {

    /** The bank whose guidance explains the types of a plan with recruiters' own questions only. */
    private static final String DEFAULT_BANK = "backend-engineer";
    /** Quotes shown per answer: enough to recognise the answer, not a second transcript. */
    private static final int MAX_QUOTES = 3;

    private final ReportRepository reports;
    private final PlanRepository plans;
    private final InterviewRepository interviews;
    private final java.util.function.Supplier<QuestionBanks> banks;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * @param banks the question banks, asked for only when an explanation is written (loading them is not start-up
     *              work for the candidate's session)
     * @param audit may be null where no recruiter reads (the candidate's own link)
     */
    public Explanations(ReportRepository reports, PlanRepository plans, InterviewRepository interviews,
            java.util.function.Supplier<QuestionBanks> banks, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.interviews = interviews;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The explanation in the plan's language. */
    public record Explanation(String interviewId, String language, String title, String text, String html) {
    }

    /** For the hiring team (the read is audited); 404 for another organisation's interview, 409 before scoring. */
    public Explanation forRecruiter(String organisation, String interviewId, String actor) {
        if (!Ids.looksLike("iv", interviewId)) {
            throw new DomainException.NotFound("interview");
        }
        interviews.find(organisation, interviewId).orElseThrow(() -> new DomainException.NotFound("interview"));
        Report report = scored(reports.find(organisation, interviewId));
        Plan plan = plans.find(organisation, report.planId()).orElseThrow(() -> new DomainException.NotFound("plan"));
        Explanation explanation = explain(plan, report);
        audit.record(organisation, actor, AuditAction.EXPLANATION_READ, new AuditTrail.Subject(report.candidateId(),
                interviewId, report.planId()), null);
        return explanation;
    }

    /** For the candidate, from their own link once the interview is scored (409 before). */
    public Explanation forCandidate(String token) {
        OpenSession session = OpenSession.of(token, interviews, plans, clock.instant());
        Report report = scored(reports.find(session.interview().organisation(), session.interview().interviewId()));
        return explain(session.plan(), report);
    }

    private static Report scored(Optional<Report> report) {
        return report.orElseThrow(() -> new DomainException.Conflict("interviewId",
                "the interview is not scored yet: its explanation is written once it is"));
    }

    public Explanation explain(Plan plan, Report report) {
        Messages m = Messages.of(plan.language());
        QuestionBanks all = banks.get();
        Optional<QuestionBank> bank = all.find(plan.bankRole() == null ? DEFAULT_BANK : plan.bankRole(),
                plan.language()).or(() -> all.find(DEFAULT_BANK, plan.language()));
        String date = m.dateTime("email.date").withZone(ZoneId.of(plan.timeZone()))
                .format(report.completedAt() != null ? report.completedAt() : clock.instant());
        Document doc = new Document(m);
        doc.heading(1, m.text("explanation.title", "role", plan.roleTitle()));
        doc.paragraph(m.text("explanation.intro", "date", date));
        doc.paragraph(m.text("explanation.scale", "threshold", report.passThreshold()));
        doc.paragraph(report.overall() == null || !report.needsReview().isEmpty() && report.passed() == null
                ? m.text("explanation.overall.review")
                : m.text("explanation.overall", "overall", report.overall(), "outcome",
                        m.text(Boolean.TRUE.equals(report.passed()) ? "explanation.outcome.passed"
                                : "explanation.outcome.notPassed")));
        doc.heading(2, m.text("explanation.questions"));
        for (Report.QuestionReport q : report.questions()) {
            doc.heading(3, m.text("explanation.question", "position", q.position(), "question", q.question()));
            guidance(bank, q.type()).ifPresent(g -> doc.paragraph(m.text("explanation.lookFor", "type",
                    typeName(m, q.type()), "lookFor", g.lookFor())));
            if (q.score() == null) {
                doc.paragraph(m.text("explanation.score.review"));
            } else {
                doc.paragraph(m.text("explanation.score", "score", q.score(), "reason",
                        ReportEmails.reason(m, q.reason())));
                if (q.automaticScore() != null && !q.automaticScore().equals(q.score())) {
                    doc.paragraph(m.text("explanation.reviewed", "score", q.score()));
                }
            }
            List<String> quotes = q.evidence() == null ? List.of() : q.evidence().stream()
                    .map(dev.prescreen.scoring.Evidence::quote).filter(s -> s != null && !s.isBlank()).distinct()
                    .limit(MAX_QUOTES).toList();
            if (quotes.isEmpty()) {
                doc.paragraph(m.text("explanation.noEvidence"));
            }
            quotes.forEach(quote -> doc.quote(m.text("explanation.evidence", "quote", quote)));
        }
        doc.paragraph(m.text("explanation.human"));
        doc.paragraph(m.text("explanation.ask", "contact", plan.recipients().get(0), "reference",
                report.candidateId()));
        return new Explanation(report.interviewId(), plan.language(), m.text("explanation.title", "role",
                plan.roleTitle()), doc.text(), doc.html());
    }

    private static Optional<TypeGuidance> guidance(Optional<QuestionBank> bank, String typeLabel) {
        try {
            QuestionType type = QuestionType.fromLabel(typeLabel);
            return bank.map(b -> b.types().get(type));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static String typeName(Messages m, String label) {
        try {
            // as the catalogue writes it: lowercasing would be wrong for German nouns
            return m.text("type." + QuestionType.fromLabel(label).name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return label;
        }
    }

    /** The explanation built once as text and as HTML; every piece of text is escaped in the HTML. */
    private static final class Document {
        private final Messages messages;
        private final StringBuilder text = new StringBuilder();
        private final List<String> body = new ArrayList<>();

        Document(Messages messages) {
            this.messages = messages;
        }

        void heading(int level, String value) {
            text.append(text.length() == 0 ? "" : "\n").append(value).append('\n')
                    .append((level == 1 ? "=" : "-").repeat(Math.min(value.length(), 72))).append("\n\n");
            body.add("<h" + level + ">" + escape(value) + "</h" + level + ">");
        }

        void paragraph(String value) {
            text.append(value).append("\n\n");
            body.add("<p>" + escape(value) + "</p>");
        }

        void quote(String value) {
            text.append("  ").append(value).append("\n\n");
            body.add("<blockquote>" + escape(value) + "</blockquote>");
        }

        String text() {
            return text.toString().stripTrailing() + "\n";
        }

        String html() {
            String title = body.isEmpty() ? "" : body.get(0).replaceAll("<[^>]+>", "");
            return "<!doctype html><html lang=\"" + escape(messages.language()) + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                    + "</title><style>body{font-family:system-ui,Arial,sans-serif;max-width:42rem;margin:2rem auto;"
                    + "padding:0 1rem;line-height:1.5;color:#1d2433}blockquote{border-left:3px solid #8a94a6;"
                    + "margin:0 0 1rem;padding:.25rem .75rem;color:#333b4d}</style></head><body><main>"
                    + String.join("", body) + "</main></body></html>";
        }
    }
}
