package dev.prescreen.domain.compliance;

import java.time.Instant;
import java.util.Map;

/**
 * The self-identification table, in two halves granted apart: the candidate's session and erasure may write (never
 * read) it; only the impact-ratio aggregate may read it. No other function holds either.
 */
public final class SelfIdentifications {

    private SelfIdentifications() {
    }

    /** Stores and erases; cannot read. */
    public interface Writer {

        /** Stores (or replaces, should the candidate send the form again) an interview's self-identification. */
        void put(String organisation, String planId, String interviewId, SelfIdentification value, Instant at);

        void delete(String organisation, String planId, String interviewId);
    }

    /** Reads, for the aggregate only. */
    public interface Reader {

        /** The self-identifications given in one plan's interviews, by interview id. */
        Map<String, SelfIdentification> ofPlan(String organisation, String planId);

        /** Every self-identification of the organisation, by interview id. */
        Map<String, SelfIdentification> ofOrganisation(String organisation);
    }
}
