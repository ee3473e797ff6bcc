package dev.prescreen.domain.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.testing.InMemoryCandidateRepository;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchServiceTest {

    private static final String ORG = Screenings.ORG;
    private static final String PLAN = Screenings.PLAN_ID;
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCandidateRepository store = new InMemoryCandidateRepository();
    private final RacingCandidates candidates = new RacingCandidates(store);
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final RecordingDispatch dispatch = new RecordingDispatch();
    private final dev.prescreen.testing.InMemoryOrganisationSettings organisationSettings =
            new dev.prescreen.testing.InMemoryOrganisationSettings();
    private final BatchService service = new BatchService(candidates, plans, new InMemoryInterviewRepository(), dispatch,
            new dev.prescreen.domain.organisation.OrganisationSettingsService(organisationSettings, clock), clock);

    @BeforeEach
    void plan() {
        plans.create(Screenings.plan(NOW, FollowUps.DEFAULT));
    }

    private static CandidateRow row(int number, String name, String email) {
        return new CandidateRow(number, name, email, null, null);
    }

    private BatchService.Created scheduledBatch(int size) {
        List<CandidateRow> rows = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            rows.add(row(i, "Candidate " + i, "candidate" + i + "@example.com"));
        }
        return service.create(ORG, PLAN, rows, TOMORROW);
    }

    private Batch batch(BatchService.Created created) {
        return store.findBatch(ORG, PLAN, created.batch().batchId()).orElseThrow();
    }

    private List<Candidate> members(BatchService.Created created) {
        return store.inBatch(ORG, created.batch().batchId());
    }

    // ---- creation: every row on its own ----

    @Test
    void eachBadRowIsRejectedWithItsRowNumberFieldAndReasonAndTheGoodRowsGoAhead() {
        service.create(ORG, PLAN, List.of(row(1, "Already Invited", "taken@example.com")), null);
        dispatch.clear();

        BatchService.Created created = service.create(ORG, PLAN, List.of(
                row(1, "Ada Lovelace", "ada@example.com"),
                row(2, "  ", "blank-name@example.com"),
                row(3, "Bad Email", "not-an-address"),
                row(4, "Ada Again", " ADA@Example.com "),
                new CandidateRow(5, "Phone Person", "phone@example.com", "call me maybe", null),
                row(6, "Taken", "Taken@Example.com"),
                new CandidateRow(7, "External Person", "external@example.com", null, "x".repeat(101)),
                new CandidateRow(8, "Grace Hopper", "grace@example.com", "+44 20 7946 0958", "ext-8")),
                TOMORROW);

        assertThat(created.rejected()).containsExactly(
                new RowRejection(2, "name", "is required"),
                new RowRejection(3, "email", "is not a valid email address"),
                new RowRejection(4, "email", "appears twice in this batch"),
                new RowRejection(5, "phone", "is not a phone number"),
                new RowRejection(6, "email", "is already invited to this plan"),
                new RowRejection(7, "externalId", "is longer than 100 characters"));
        assertThat(created.batch().accepted()).isEqualTo(2);
        assertThat(created.batch().rejected()).isEqualTo(6);
        assertThat(created.batch().status()).isEqualTo(Batch.BatchStatus.SCHEDULED);
        assertThat(members(created)).extracting(Candidate::email)
                .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
        assertThat(members(created)).allSatisfy(c -> {
            assertThat(c.state()).isEqualTo(CandidateState.SCHEDULED);
            assertThat(c.interviewId()).as("chosen up front").startsWith("iv_");
        });
        Candidate grace = members(created).stream().filter(c -> c.name().equals("Grace Hopper")).findFirst().orElseThrow();
        assertThat(grace.phone()).isEqualTo("+44 20 7946 0958");
        assertThat(grace.externalId()).isEqualTo("ext-8");
        assertThat(dispatch.scheduled).as("a send time tomorrow is a schedule").containsExactly(created.batch().batchId());
        assertThat(dispatch.sentNow).isEmpty();
        assertThat(store.invitedEmails(ORG, PLAN)).contains("ada@example.com", "grace@example.com", "taken@example.com");
    }

    @Test
    void aBatchWhoseRowsAreAllRejectedIsRefusedWithEveryRowNumberedAndNothingIsStored() {
        assertThatThrownBy(() -> service.create(ORG, PLAN, List.of(row(1, "", "a@example.com"),
                row(2, "No Email", "")), TOMORROW))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("row 1.name", "is required"), new FieldError("row 2.email", "is required")));
        assertThat(store.invitedEmails(ORG, PLAN)).isEmpty();
        assertThat(dispatch.scheduled).isEmpty();
        assertThat(dispatch.sentNow).isEmpty();
    }

    @Test
    void aSendTimeWithinSecondsIsSentNowAndOneInThePastOrTooFarAheadIsRefused() {
        BatchService.Created now = service.create(ORG, PLAN, List.of(row(1, "Ada", "ada@example.com")),
                NOW.plusSeconds(2));
        assertThat(dispatch.sentNow).containsExactly(now.batch().batchId());
        assertThat(dispatch.scheduled).isEmpty();

        assertThatThrownBy(() -> service.create(ORG, PLAN, List.of(row(1, "Bob", "bob@example.com")),
                NOW.minus(Duration.ofMinutes(10)))).isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("sendAt", "is in the past")));
        assertThatThrownBy(() -> service.create(ORG, PLAN, List.of(row(1, "Bob", "bob@example.com")),
                NOW.plus(Duration.ofDays(91)))).isInstanceOf(DomainException.InvalidInput.class);
    }

    // ---- send ----

    @Test
    void anOrganisationThatGivesNoticeGetsItSentNowAndASendTimeTooSoonIsRefusedWithTheEarliestAllowed() {
        new dev.prescreen.domain.organisation.OrganisationSettingsService(organisationSettings, clock)
                .update(ORG, 10, null, "sub");
        // NOW is a weekday; ten business days later at the same time, in the plan's zone (UTC)
        Instant earliest = dev.prescreen.domain.organisation.NoticeLead.earliestSend(NOW, 10,
                java.time.ZoneOffset.UTC);
        assertThat(java.time.Duration.between(NOW, earliest).toDays()).isEqualTo(14);

        assertThatThrownBy(() -> service.create(ORG, PLAN, List.of(row(1, "Ada", "ada@example.com")), TOMORROW))
                .isInstanceOfSatisfying(dev.prescreen.domain.DomainException.InvalidInput.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("sendAt");
                    assertThat(e.errors().get(0).reason()).contains("must be at or after").contains("10 business days");
                });
        assertThat(dispatch.noticesNow).isEmpty();

        BatchService.Created asSoonAsAllowed = service.create(ORG, PLAN, List.of(row(1, "Ada", "ada@example.com")),
                null);
        // the next whole hour after the lead (the time an error names stays valid for a while)
        assertThat(batch(asSoonAsAllowed).sendAt()).isAfter(earliest).isBeforeOrEqualTo(earliest.plus(Duration.ofHours(1)));
        assertThat(batch(asSoonAsAllowed).sendAt().getEpochSecond() % 3600).isZero();
        assertThat(dispatch.scheduled).containsExactly(asSoonAsAllowed.batch().batchId());
        assertThat(dispatch.noticesNow).containsExactly(asSoonAsAllowed.batch().batchId());
        Candidate ada = candidates.inBatch(ORG, asSoonAsAllowed.batch().batchId()).get(0);
        assertThat(ada.notice()).isEqualTo(AdvanceNotice.due(10));
        // the sender fans the notices out, once per candidate whose notice has not gone; an index that has not
        // caught up fails the message for the queue to retry rather than leave someone without notice
        candidates.indexLagging = 1;
        assertThatThrownBy(() -> service.sendNotices(ORG, PLAN, asSoonAsAllowed.batch().batchId()))
                .hasMessageContaining("lists 0 of 1");
        assertThat(service.sendNotices(ORG, PLAN, asSoonAsAllowed.batch().batchId())).isEqualTo(1);
        assertThat(dispatch.noticed).singleElement().asList().containsExactly(ada.candidateId());
        candidates.replace(ada.withNotice(ada.notice().intended(NOW)), ada.revision());
        assertThat(service.sendNotices(ORG, PLAN, asSoonAsAllowed.batch().batchId())).isZero();

        // without the setting, no notice and no lead
        new dev.prescreen.domain.organisation.OrganisationSettingsService(organisationSettings, clock)
                .update(ORG, 0, null, "sub");
        service.create(ORG, PLAN, List.of(row(1, "Bob", "bob@example.com")), TOMORROW);
        assertThat(dispatch.noticesNow).hasSize(1);
    }

    @Test
    void businessDaysSkipWeekendsInThePlansTimeZone() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        // Friday 2026-12-04 17:00 in New York; one business day later is Monday 2026-12-07 17:00
        Instant friday = java.time.ZonedDateTime.of(2026, 12, 4, 17, 0, 0, 0, newYork).toInstant();
        assertThat(dev.prescreen.domain.organisation.NoticeLead.earliestSend(friday, 1, newYork))
                .isEqualTo(java.time.ZonedDateTime.of(2026, 12, 7, 17, 0, 0, 0, newYork).toInstant());
        // ten business days from that Friday: two whole weeks
        assertThat(dev.prescreen.domain.organisation.NoticeLead.earliestSend(friday, 10, newYork))
                .isEqualTo(java.time.ZonedDateTime.of(2026, 12, 18, 17, 0, 0, 0, newYork).toInstant());
        // notice on a Saturday counts from the Monday: one business day later is the start of Tuesday
        Instant saturday = java.time.ZonedDateTime.of(2026, 12, 5, 10, 0, 0, 0, newYork).toInstant();
        assertThat(dev.prescreen.domain.organisation.NoticeLead.earliestSend(saturday, 1, newYork))
                .isEqualTo(java.time.ZonedDateTime.of(2026, 12, 8, 0, 0, 0, 0, newYork).toInstant());
    }

    @Test
    void theSendHandsEveryScheduledCandidateToTheInvitationsQueueOnceAndMarksTheBatchSent() {
        BatchService.Created created = scheduledBatch(3);
        Candidate gone = members(created).get(0);
        store.replace(gone.withState(CandidateState.UNDELIVERABLE, null, null, "bounced"), gone.revision());
        clock.advance(Duration.ofDays(1));

        assertThat(service.send(ORG, PLAN, created.batch().batchId())).isEqualTo(2);

        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SENT);
        assertThat(dispatch.invited).hasSize(1);
        assertThat(dispatch.invited.get(0)).hasSize(2).doesNotContain(gone.candidateId());
    }

    @Test
    void theSendWinsAFewLostWritesAndInvitesOnce() {
        BatchService.Created created = scheduledBatch(2);
        store.loseNextWrites(ConcurrentWrites.ATTEMPTS - 1);

        assertThat(service.send(ORG, PLAN, created.batch().batchId())).isEqualTo(2);

        assertThat(dispatch.invited).as("one fan-out despite the retries").hasSize(1);
        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SENT);
    }

    @Test
    void aSendWhoseWritesKeepLosingFailsBeforeInvitingAnyoneAndItsRetrySends() {
        BatchService.Created created = scheduledBatch(2);
        store.loseNextWrites(ConcurrentWrites.ATTEMPTS);

        assertThatThrownBy(() -> service.send(ORG, PLAN, created.batch().batchId()))
                .isInstanceOf(DomainException.WriteConflict.class);
        assertThat(dispatch.invited).isEmpty();
        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SCHEDULED);

        assertThat(service.send(ORG, PLAN, created.batch().batchId())).as("the queue's retry").isEqualTo(2);
        assertThat(dispatch.invited).hasSize(1);
        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SENT);
    }

    @Test
    void aRedeliveredSendInvitesNoOneTwiceOnceTheInvitationsHaveGoneOut() {
        BatchService.Created created = scheduledBatch(2);
        service.send(ORG, PLAN, created.batch().batchId());
        // the invitation consumer has sent both invitations
        for (Candidate c : members(created)) {
            store.replace(c.withState(CandidateState.SENT, NOW, NOW, null), c.revision());
        }

        assertThat(service.send(ORG, PLAN, created.batch().batchId())).isZero();

        assertThat(dispatch.invited).hasSize(2);
        assertThat(dispatch.invited.get(1)).isEmpty();
        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SENT);
    }

    @Test
    void aSendForAnUnknownBatchDoesNothing() {
        assertThat(service.send(ORG, PLAN, "bt_01M8HKKW7XR7ZKVK2GHSN6THCA")).isZero();
        assertThat(dispatch.invited).isEmpty();
    }

    // ---- cancel ----

    @Test
    void cancellingBeforeTheSendTimeRemovesTheScheduleCancelsEveryoneAndFreesTheirAddresses() {
        BatchService.Created created = scheduledBatch(3);

        BatchService.Status status = service.cancel(ORG, PLAN, created.batch().batchId());

        assertThat(status.batch().status()).isEqualTo(Batch.BatchStatus.CANCELLED);
        assertThat(status.counts()).containsEntry("cancelled", 3).containsEntry("scheduled", 0);
        assertThat(dispatch.unscheduled).containsExactly(created.batch().batchId());
        assertThat(members(created)).extracting(Candidate::state).containsOnly(CandidateState.CANCELLED);
        assertThat(store.invitedEmails(ORG, PLAN)).isEmpty();
        assertThat(service.send(ORG, PLAN, created.batch().batchId())).as("the schedule fired anyway").isZero();
        assertThat(dispatch.invited).isEmpty();

        BatchService.Created again = service.create(ORG, PLAN, List.of(row(1, "Candidate 1", "candidate1@example.com")),
                TOMORROW);
        assertThat(again.rejected()).as("a cancelled address may be invited again").isEmpty();
    }

    @Test
    void cancellingTwiceIsOneCancellation() {
        BatchService.Created created = scheduledBatch(1);
        service.cancel(ORG, PLAN, created.batch().batchId());
        BatchService.Status second = service.cancel(ORG, PLAN, created.batch().batchId());
        assertThat(second.batch().status()).isEqualTo(Batch.BatchStatus.CANCELLED);
        assertThat(dispatch.unscheduled).hasSize(1);
    }

    @Test
    void theCancelWinsAFewLostWrites() {
        BatchService.Created created = scheduledBatch(2);
        store.loseNextWrites(ConcurrentWrites.ATTEMPTS - 1);

        service.cancel(ORG, PLAN, created.batch().batchId());

        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.CANCELLED);
        assertThat(members(created)).extracting(Candidate::state).containsOnly(CandidateState.CANCELLED);
        assertThat(store.invitedEmails(ORG, PLAN)).isEmpty();
    }

    @Test
    void aCancelWhoseWritesKeepLosingFailsAndLeavesTheBatchScheduled() {
        BatchService.Created created = scheduledBatch(2);
        store.loseNextWrites(ConcurrentWrites.ATTEMPTS);

        assertThatThrownBy(() -> service.cancel(ORG, PLAN, created.batch().batchId()))
                .isInstanceOf(DomainException.WriteConflict.class);

        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SCHEDULED);
        assertThat(dispatch.unscheduled).isEmpty();
        assertThat(members(created)).extracting(Candidate::state).containsOnly(CandidateState.SCHEDULED);
        assertThat(store.invitedEmails(ORG, PLAN)).hasSize(2);
    }

    @Test
    void aBatchWhoseSendTimeHasComeCannotBeCancelled() {
        BatchService.Created created = scheduledBatch(1);
        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> service.cancel(ORG, PLAN, created.batch().batchId()))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("already being sent");
        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SCHEDULED);
    }

    @Test
    void aSendThatWinsTheRaceWithACancelInvitesEveryoneAndTheCancelIsRefused() {
        BatchService.Created created = scheduledBatch(2);
        String batchId = created.batch().batchId();
        // the cancel has read the scheduled batch; the send fires before its write
        candidates.beforeNextBatchWrite(() -> service.send(ORG, PLAN, batchId));

        assertThatThrownBy(() -> service.cancel(ORG, PLAN, batchId))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("already being sent");

        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.SENT);
        assertThat(dispatch.invited).hasSize(1);
        assertThat(dispatch.invited.get(0)).hasSize(2);
        assertThat(dispatch.unscheduled).isEmpty();
        assertThat(members(created)).extracting(Candidate::state).containsOnly(CandidateState.SCHEDULED);
        assertThat(store.invitedEmails(ORG, PLAN)).hasSize(2);
    }

    @Test
    void aCancelThatWinsTheRaceWithTheSendStopsItBeforeAnyoneIsInvited() {
        BatchService.Created created = scheduledBatch(2);
        String batchId = created.batch().batchId();
        // the send has read the scheduled batch; the cancel lands before its write
        candidates.beforeNextBatchWrite(() -> service.cancel(ORG, PLAN, batchId));

        assertThat(service.send(ORG, PLAN, batchId)).isZero();

        assertThat(batch(created).status()).isEqualTo(Batch.BatchStatus.CANCELLED);
        assertThat(dispatch.invited).isEmpty();
        assertThat(members(created)).extracting(Candidate::state).containsOnly(CandidateState.CANCELLED);
    }

    @Test
    void aCandidateWhoseInvitationIsAlreadyUnderWayIsNotCancelledAndKeepsTheirPlace() {
        BatchService.Created created = scheduledBatch(2);
        Candidate underWay = members(created).get(0);
        store.replace(underWay.withState(CandidateState.SENDING, NOW, null, null), underWay.revision());

        BatchService.Status status = service.cancel(ORG, PLAN, created.batch().batchId());

        assertThat(status.counts()).containsEntry("cancelled", 1).containsEntry("sending", 1);
        assertThat(store.find(ORG, underWay.candidateId()).orElseThrow().state()).isEqualTo(CandidateState.SENDING);
        assertThat(store.invitedEmails(ORG, PLAN)).containsExactly(underWay.email());
    }

    @Test
    void unknownPlansAndBatchesAreNotFound() {
        assertThatThrownBy(() -> service.cancel(ORG, PLAN, "bt_01M8HKKW7XR7ZKVK2GHSN6THCA"))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.cancel(ORG, PLAN, "not-a-batch")).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.create("another-org", PLAN, List.of(row(1, "Ada", "ada@example.com")), null))
                .isInstanceOf(DomainException.NotFound.class);
    }

    /** The batch dispatch's calls, kept. */
    private static final class RecordingDispatch implements BatchDispatch {
        final List<String> scheduled = new CopyOnWriteArrayList<>();
        final List<String> unscheduled = new CopyOnWriteArrayList<>();
        final List<String> sentNow = new CopyOnWriteArrayList<>();
        final List<List<String>> invited = new CopyOnWriteArrayList<>();
        final List<List<String>> noticed = new CopyOnWriteArrayList<>();

        @Override
        public void schedule(Batch batch) {
            scheduled.add(batch.batchId());
        }

        @Override
        public boolean unschedule(Batch batch) {
            unscheduled.add(batch.batchId());
            return true;
        }

        @Override
        public void sendNow(Batch batch) {
            sentNow.add(batch.batchId());
        }

        @Override
        public void invite(String organisation, List<String> candidateIds) {
            invited.add(List.copyOf(candidateIds));
        }

        final List<String> noticesNow = new CopyOnWriteArrayList<>();

        @Override
        public void noticesNow(Batch batch) {
            noticesNow.add(batch.batchId());
        }

        @Override
        public void giveNotice(String organisation, List<String> candidateIds) {
            noticed.add(List.copyOf(candidateIds));
        }

        void clear() {
            scheduled.clear();
            unscheduled.clear();
            sentNow.clear();
            invited.clear();
        }
    }

    /**
     * The in-memory repository with one interleaving a test can force: an action by another writer that runs just
     * before the next conditional batch write, after the writer has read the batch.
     */
    private static final class RacingCandidates implements CandidateRepository {
        private final InMemoryCandidateRepository delegate;
        private Runnable beforeNextBatchWrite;

        RacingCandidates(InMemoryCandidateRepository delegate) {
            this.delegate = delegate;
        }

        void beforeNextBatchWrite(Runnable action) {
            beforeNextBatchWrite = action;
        }

        @Override
        public boolean replaceBatch(Batch batch, long expectedRevision) {
            Runnable racer = beforeNextBatchWrite;
            beforeNextBatchWrite = null;
            if (racer != null) {
                racer.run();
            }
            return delegate.replaceBatch(batch, expectedRevision);
        }

        @Override
        public void createBatch(Batch batch) {
            delegate.createBatch(batch);
        }

        @Override
        public Optional<Batch> findBatch(String organisation, String planId, String batchId) {
            return delegate.findBatch(organisation, planId, batchId);
        }

        @Override
        public Set<String> invitedEmails(String organisation, String planId) {
            return delegate.invitedEmails(organisation, planId);
        }

        @Override
        public void createCandidates(Collection<Candidate> created) {
            delegate.createCandidates(created);
        }

        @Override
        public Optional<Candidate> find(String organisation, String candidateId) {
            return delegate.find(organisation, candidateId);
        }

        @Override
        public List<Candidate> inBatch(String organisation, String batchId) {
            List<Candidate> all = delegate.inBatch(organisation, batchId);
            if (indexLagging > 0 && !all.isEmpty()) {
                // an index that has not caught up yet: the last candidate written is missing
                indexLagging--;
                return all.subList(0, all.size() - 1);
            }
            return all;
        }

        /** The next reads of a batch's candidates miss the last one, as a lagging index would. */
        int indexLagging;

        @Override
        public boolean replace(Candidate candidate, long expectedRevision) {
            return delegate.replace(candidate, expectedRevision);
        }

        @Override
        public void releaseEmails(String organisation, String planId, Collection<String> normalisedEmails) {
            delegate.releaseEmails(organisation, planId, normalisedEmails);
        }

        @Override
        public void rememberMessage(String messageId, String organisation, String candidateId) {
            delegate.rememberMessage(messageId, organisation, candidateId);
        }

        @Override
        public Optional<String[]> messageRecipient(String messageId) {
            return delegate.messageRecipient(messageId);
        }
    }
}
