package dev.prescreen.domain.candidate;

import java.util.List;

/** How a batch reaches its candidates: a one-time schedule, the batch-sends queue, the invitations queue. */
public interface BatchDispatch {

    /** Creates the batch's one-time schedule for its send time. */
    void schedule(Batch batch);

    /** Deletes the batch's schedule; false when there was none. */
    boolean unschedule(Batch batch);

    /** Starts sending now. */
    void sendNow(Batch batch);

    /** One invitation message per candidate. */
    void invite(String organisation, List<String> candidateIds);

    /** Starts sending the batch's advance notices now, through the batch-sends queue (see {@link AdvanceNotice}). */
    void noticesNow(Batch batch);

    /** One advance-notice message per candidate. */
    void giveNotice(String organisation, List<String> candidateIds);
}
