package dev.prescreen.reporting;

import static dev.prescreen.local.cloud.junit.EventFixtures.failures;
import static dev.prescreen.local.cloud.junit.EventFixtures.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.local.cloud.junit.EventFixtures;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Transcript;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Consent;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.Invitations;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.domain.report.Report;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.scoring.RubricAnchors;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoReportRepository;
import dev.prescreen.storage.DynamoUsageMeter;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report-build handler fed the reporting queue's message for a completed interview (fixtures under events/): the
 * report is built once, emailed once to the plan's recipients through the local SES, and the interview delivered.
 */
@ExtendWith(LocalCloudExtension.class)
class ReportBuildHandlerIT {

    private static AwsClients clients;
    private static String table;
    private static LocalMailbox mailbox;
    private static ReportBuildHandler handler;
    private static DynamoInterviewRepository interviews;
    private static DynamoReportRepository reports;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        table = EventFixtures.table(cloud);
        mailbox = new LocalMailbox(cloud.sesEndpoint());
        handler = new ReportBuildHandler(clients, EventFixtures.settings(cloud, LambdaFunction.REPORT_BUILD));
        interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
        reports = new DynamoReportRepository(clients.dynamoDb(), table);
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    /**
     * A completed interview of a named candidate: the first answer scored 4, the second's transcription failed (a human
     * must look), the others skipped.
     */
    private static Interview completed(String organisation) {
        Plan plan = EventFixtures.plan(clients, table, organisation);
        plan = EventFixtures.planService(clients, table).freeze(organisation, plan.planId());
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Candidate candidate = new Candidate(Ids.newId("cd", clock), organisation, plan.planId(), Ids.newId("bt", clock),
                "Ada Lovelace", "ada@" + organisation + ".example", null, null, CandidateState.SENT,
                Ids.newId("iv", clock), now, now, null, null, 4);
        new DynamoCandidateRepository(clients.dynamoDb(), table).createCandidates(List.of(candidate));
        Interview invited = new Invitations(interviews, clock).open(plan, candidate.interviewId(),
                candidate.candidateId(), candidate.batchId()).interview();
        Interview done = invited.withConsent(new Consent(now.minusSeconds(900), "2026-01"))
                .withState(InterviewState.SUBMITTED, now.minusSeconds(60))
                .withState(InterviewState.COMPLETED, now);
        assertThat(interviews.replace(done, invited.revision())).isTrue();
        for (PlanQuestion q : plan.questions()) {
            Answer served = Answer.served(AnswerKind.MAIN.answerId(done.interviewId(), q.position()), done.interviewId(),
                    organisation, plan.planId(), q.position(), AnswerKind.MAIN, q.text(), q.type(), q.concepts(),
                    plan.language(), now.minusSeconds(800));
            interviews.createAnswer(served.change(b -> {
                b.submittedAt = now.minusSeconds(700);
                b.followUpClosed = true;
                if (q.position() == 1) {
                    b.mode = Answer.TYPED;
                    b.transcript = Transcript.typed("Java and Go, every day at work.");
                    b.state = AnswerState.SCORED;
                    b.scoreCard = new ScoreCard(4, RubricAnchors.anchor(q.type(), 4), "names languages used at work",
                            List.of(), Set.of(), Map.of(), "rubric-test", "general.named_with_use");
                } else if (q.position() == 2) {
                    b.mode = Answer.RECORDING;
                    b.state = AnswerState.TRANSCRIPTION_FAILED;
                    b.failureReason = "The media format could not be decoded";
                } else {
                    b.state = AnswerState.NO_ANSWER;
                }
                return b;
            }));
        }
        return done;
    }

    @Test
    void theReportIsBuiltEmailedAndDeliveredOnceAndARedeliveryChangesNothing() {
        String organisation = "fixture-" + UUID.randomUUID();
        Interview interview = completed(organisation);
        String recipient = "hiring@" + organisation + ".example";
        SQSEvent event = sqsEvent("interview-completed.json", Map.of("ORG_ID", organisation,
                "INTERVIEW_ID", interview.interviewId()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Report report = reports.find(organisation, interview.interviewId()).orElseThrow();
        assertThat(report.candidateName()).isEqualTo("Ada Lovelace");
        assertThat(report.overall()).isNotNull();
        assertThat(report.needsReview()).containsExactly(2);
        assertThat(report.questions()).hasSize(6);
        assertThat(report.questions().get(0).score()).isEqualTo(4);
        assertThat(report.emailSentAt()).isNotNull();
        Interview delivered = interviews.find(organisation, interview.interviewId()).orElseThrow();
        assertThat(delivered.deliveredAt()).isNotNull();
        List<LocalMailbox.Email> emails = mailbox.to(recipient);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).subject()).startsWith("Screening report");
        assertThat(emails.get(0).text()).contains(EventFixtures.PUBLIC_BASE_URL + "/interviews/"
                + interview.interviewId() + "/report");
        assertThat(emails.get(0).text()).as("the recruiter's email names the candidate").contains("Ada Lovelace");
        DynamoUsageMeter usage = new DynamoUsageMeter(clients.dynamoDb(), table);
        YearMonth month = YearMonth.from(delivered.completedAt().atZone(ZoneOffset.UTC));
        assertThat(usage.totals(organisation, month)).containsEntry("screenings", 1.0).containsEntry("emails", 1.0);

        SQSBatchResponse redelivered = handler.handleRequest(event, null);

        assertThat(failures(redelivered)).isEmpty();
        assertThat(mailbox.to(recipient)).hasSize(1);
        assertThat(reports.find(organisation, interview.interviewId()).orElseThrow().revision())
                .isEqualTo(report.revision());
        assertThat(interviews.find(organisation, interview.interviewId()).orElseThrow().revision())
                .isEqualTo(delivered.revision());
        assertThat(usage.totals(organisation, month)).containsEntry("screenings", 1.0).containsEntry("emails", 1.0);
    }

    @Test
    void aMalformedMessageFailsAloneAndAnUnknownInterviewIsANoOp() {
        String organisation = "fixture-" + UUID.randomUUID();
        Interview bystander = completed(organisation);
        SQSEvent event = sqsEvent("reporting-malformed-and-unknown.json", Map.of("ORG_ID", organisation,
                "INTERVIEW_ID", bystander.interviewId()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(reports.find(organisation, bystander.interviewId())).isEmpty();
        assertThat(interviews.find(organisation, bystander.interviewId()).orElseThrow().deliveredAt()).isNull();
        assertThat(mailbox.to("hiring@" + organisation + ".example")).isEmpty();
    }
}
