package dev.prescreen.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.testing.InMemoryCandidateRepository;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryRecordings;
import dev.prescreen.testing.InMemoryReportRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure on request: the candidate's personal data, answers, report, recordings and transcripts go; the interview is
 * closed (ERASED) first, so a lost race never leaves an open interview without its data, and repeating an erasure
 * finishes whatever an interrupted one left.
 */
class ErasureServiceTest {

    private static final String ORG = Screenings.ORG;
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryCandidateRepository candidates = new InMemoryCandidateRepository();
    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final FlakyRecordings recordings = new FlakyRecordings();
    private final InMemoryRecordings transcripts = new InMemoryRecordings();
    private final List<dev.prescreen.domain.webhook.WebhookEvent> published = new ArrayList<>();
    private final dev.prescreen.testing.InMemorySelfIdentifications selfIdentifications =
            new dev.prescreen.testing.InMemorySelfIdentifications();
    private final dev.prescreen.testing.InMemoryAlternativeRequests alternativeRequests =
            new dev.prescreen.testing.InMemoryAlternativeRequests();
    private final ErasureService service = new ErasureService(candidates, interviews, reports, recordings, transcripts,
            selfIdentifications, alternativeRequests, published::add, clock);
    private final Plan plan = Screenings.plan(AT, FollowUps.DEFAULT);
    private Screened erased;
    private Screened kept;

    /** A candidate with a completed interview, two answers, a report, recordings and transcripts. */
    private record Screened(Candidate candidate, Interview interview) {
        String recordingPrefix() {
            return "recordings/" + ORG + "/" + Screenings.PLAN_ID + "/" + interview.interviewId() + "/";
        }

        String transcriptPrefix() {
            return "transcripts/" + ORG + "/" + interview.interviewId() + "/";
        }
    }

    private Screened screened(String name, String email) {
        String candidateId = Ids.newId("cd", clock);
        String interviewId = Ids.newId("iv", clock);
        Candidate candidate = new Candidate(candidateId, ORG, Screenings.PLAN_ID, "bt_1", name, email, "+1 555 0100",
                "ext-" + name, CandidateState.SENT, interviewId, AT, AT, null, null, 3);
        candidates.createCandidates(List.of(candidate));
        Interview interview = Screenings.interview(interviewId, candidateId, InterviewState.SUBMITTED, AT)
                .withState(InterviewState.COMPLETED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord("hash-" + interviewId, ORG, interviewId,
                AT.plus(Duration.ofDays(7))));
        List<Answer> answers = new ArrayList<>();
        for (int position = 1; position <= 2; position++) {
            Answer answer = Screenings.typedAwaitingScore(interview, plan, position, "I split the billing monolith.", AT);
            interviews.createAnswer(answer);
            answers.add(answer);
            recordings.put("recordings/" + ORG + "/" + Screenings.PLAN_ID + "/" + interviewId + "/" + answer.answerId()
                    + ".webm", 4096);
            // a video answer of a plan that records video: the same key scheme, so erasure covers it
            recordings.put("recordings/" + ORG + "/" + Screenings.PLAN_ID + "/" + interviewId + "/" + answer.answerId()
                    + ".u" + position + "video.mp4", 8 * 1024 * 1024);
            transcripts.put("transcripts/" + ORG + "/" + interviewId + "/" + answer.answerId() + ".json", 512);
        }
        reports.create(ReportBuilder.build(interview, plan, answers, name, "rubric-test"));
        selfIdentifications.put(ORG, Screenings.PLAN_ID, interviewId, new dev.prescreen.domain.compliance
                .SelfIdentification(dev.prescreen.domain.compliance.Sex.FEMALE,
                        dev.prescreen.domain.compliance.RaceEthnicity.ASIAN), AT);
        alternativeRequests.create(new dev.prescreen.domain.compliance.AlternativeRequest(Ids.newId("ar", clock), ORG,
                Screenings.PLAN_ID, interviewId, candidateId, "I need more time, " + name, dev.prescreen.domain
                        .compliance.AlternativeRequest.Status.RESOLVED, AT, AT, AT, "sub", "granted", 30, 1));
        return new Screened(candidate, interview);
    }

    @BeforeEach
    void twoScreenedCandidates() {
        erased = screened("Ada Lovelace", "Ada@Example.com");
        kept = screened("Grace Hopper", "grace@example.com");
    }

    private void assertErased(Screened s) {
        String interviewId = s.interview().interviewId();
        Candidate candidate = candidates.find(ORG, s.candidate().candidateId()).orElseThrow();
        assertThat(candidate.state()).isEqualTo(CandidateState.ERASED);
        assertThat(candidate.name()).isNull();
        assertThat(candidate.email()).isNull();
        assertThat(candidate.phone()).isNull();
        assertThat(candidate.externalId()).isNull();
        assertThat(interviews.find(ORG, interviewId).orElseThrow().state()).isEqualTo(InterviewState.ERASED);
        assertThat(interviews.answers(ORG, interviewId)).isEmpty();
        assertThat(reports.find(ORG, interviewId)).isEmpty();
        assertThat(recordings.list(s.recordingPrefix())).isEmpty();
        assertThat(transcripts.list(s.transcriptPrefix())).isEmpty();
        assertThat(candidates.invitedEmails(ORG, Screenings.PLAN_ID)).doesNotContain("ada@example.com");
        assertThat(selfIdentifications.ofPlan(ORG, Screenings.PLAN_ID)).doesNotContainKey(interviewId);
        assertThat(alternativeRequests.ofCandidate(ORG, s.candidate().candidateId())).singleElement().satisfies(r -> {
            assertThat(r.text()).isNull();
            assertThat(r.note()).isNull();
            assertThat(r.requestId()).isNotNull();
        });
    }

    /** The interview is open (not erased) and nothing of its data is gone. */
    private void assertUntouchedData(Screened s) {
        String interviewId = s.interview().interviewId();
        assertThat(interviews.find(ORG, interviewId).orElseThrow().state()).isEqualTo(InterviewState.COMPLETED);
        assertThat(interviews.answers(ORG, interviewId)).hasSize(2);
        assertThat(reports.find(ORG, interviewId)).isPresent();
        assertThat(recordings.list(s.recordingPrefix())).hasSize(4);
        assertThat(transcripts.list(s.transcriptPrefix())).hasSize(2);
        assertThat(selfIdentifications.ofPlan(ORG, Screenings.PLAN_ID)).containsKey(interviewId);
        assertThat(alternativeRequests.ofCandidate(ORG, s.candidate().candidateId()).get(0).text()).isNotNull();
    }

    @Test
    void erasureRemovesThePersonTheirAnswersReportRecordingsAndTranscriptsAndNoOneElses() {
        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
        assertUntouchedData(kept);
        Candidate other = candidates.find(ORG, kept.candidate().candidateId()).orElseThrow();
        assertThat(other.name()).isEqualTo("Grace Hopper");
        assertThat(candidates.invitedEmails(ORG, Screenings.PLAN_ID)).containsExactly("grace@example.com");
        // the organisation's systems are told, with ids only; a repeated erasure repeats the same event id
        service.erase(ORG, erased.candidate().candidateId());
        assertThat(published).hasSize(2).allSatisfy(e -> {
            assertThat(e.type().wireName()).isEqualTo("candidate.erased");
            assertThat(e.data()).containsOnlyKeys("candidateId", "interviewId");
            assertThat(e.body()).doesNotContain("Ada", "Lovelace", "Example.com");
        });
        assertThat(published.get(0).eventId()).isEqualTo(published.get(1).eventId());
    }

    @Test
    void theInterviewIsErasedEvenWhenItsWritesAreLostAFewTimes() {
        interviews.loseNextWrites(ConcurrentWrites.ATTEMPTS - 1);

        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
        assertUntouchedData(kept);
    }

    @Test
    void whenTheInterviewsWritesKeepBeingLostTheErasureFailsAndDeletesNothingOfTheOpenInterview() {
        interviews.loseNextWrites(ConcurrentWrites.ATTEMPTS);

        assertThatThrownBy(() -> service.erase(ORG, erased.candidate().candidateId()))
                .isInstanceOf(DomainException.WriteConflict.class);

        assertUntouchedData(erased);
        assertUntouchedData(kept);
    }

    @Test
    void whenTheCandidatesWritesKeepBeingLostTheErasureFailsBeforeTouchingAnything() {
        candidates.loseNextWrites(ConcurrentWrites.ATTEMPTS);

        assertThatThrownBy(() -> service.erase(ORG, erased.candidate().candidateId()))
                .isInstanceOf(DomainException.WriteConflict.class);

        Candidate candidate = candidates.find(ORG, erased.candidate().candidateId()).orElseThrow();
        assertThat(candidate.state()).isEqualTo(CandidateState.SENT);
        assertThat(candidate.name()).isEqualTo("Ada Lovelace");
        assertThat(candidates.invitedEmails(ORG, Screenings.PLAN_ID)).contains("ada@example.com");
        assertUntouchedData(erased);
    }

    @Test
    void repeatingAnErasureThatLostItsInterviewWriteFinishesIt() {
        interviews.loseNextWrites(ConcurrentWrites.ATTEMPTS);
        assertThatThrownBy(() -> service.erase(ORG, erased.candidate().candidateId()))
                .isInstanceOf(DomainException.WriteConflict.class);

        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
        assertUntouchedData(kept);
    }

    @Test
    void repeatingAnErasureThatLostItsCandidateWriteFinishesIt() {
        candidates.loseNextWrites(ConcurrentWrites.ATTEMPTS);
        assertThatThrownBy(() -> service.erase(ORG, erased.candidate().candidateId()))
                .isInstanceOf(DomainException.WriteConflict.class);

        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
    }

    @Test
    void repeatingAnErasureInterruptedWhileDeletingRecordingsFinishesIt() {
        recordings.failNextDelete();
        assertThatThrownBy(() -> service.erase(ORG, erased.candidate().candidateId()))
                .isInstanceOf(IllegalStateException.class);
        // interrupted half-way: the interview is closed and its answers and report are gone, the recordings are not
        assertThat(interviews.find(ORG, erased.interview().interviewId()).orElseThrow().state())
                .isEqualTo(InterviewState.ERASED);
        assertThat(recordings.list(erased.recordingPrefix())).hasSize(4);
        assertThat(transcripts.list(erased.transcriptPrefix())).hasSize(2);

        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
        assertUntouchedData(kept);
    }

    @Test
    void erasingTwiceIsHarmless() {
        service.erase(ORG, erased.candidate().candidateId());
        Interview closed = interviews.find(ORG, erased.interview().interviewId()).orElseThrow();

        service.erase(ORG, erased.candidate().candidateId());

        assertErased(erased);
        assertThat(interviews.find(ORG, erased.interview().interviewId()).orElseThrow().revision())
                .as("no second write").isEqualTo(closed.revision());
    }

    @Test
    void unknownAndMalformedCandidatesAreNotFound() {
        assertThatThrownBy(() -> service.erase(ORG, Ids.newId("cd", clock))).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.erase(ORG, "../cd_1")).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.erase("another-org", erased.candidate().candidateId()))
                .isInstanceOf(DomainException.NotFound.class);
        assertUntouchedData(erased);
    }

    /** Recordings in memory whose next prefix deletion can fail, as an S3 outage would. */
    private static final class FlakyRecordings implements dev.prescreen.domain.session.RecordingStore {
        private final InMemoryRecordings objects = new InMemoryRecordings();
        private boolean failNextDelete;

        void put(String key, long size) {
            objects.put(key, size);
        }

        void failNextDelete() {
            failNextDelete = true;
        }

        @Override
        public java.net.URI presignUpload(String key, String contentType, long contentLength, Duration validity) {
            return objects.presignUpload(key, contentType, contentLength, validity);
        }

        @Override
        public java.util.OptionalLong size(String key) {
            return objects.size(key);
        }

        @Override
        public java.net.URI presignDownload(String key, Duration validity) {
            return objects.presignDownload(key, validity);
        }

        @Override
        public int deletePrefix(String prefix) {
            if (failNextDelete) {
                failNextDelete = false;
                throw new IllegalStateException("S3 is unavailable");
            }
            return objects.deletePrefix(prefix);
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return objects.list(prefix);
        }

        @Override
        public void delete(String key) {
            objects.delete(key);
        }
    }
}
