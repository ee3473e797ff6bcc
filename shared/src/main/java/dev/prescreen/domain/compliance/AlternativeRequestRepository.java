package dev.prescreen.domain.compliance;

import dev.prescreen.domain.Page;
import java.util.List;
import java.util.Optional;

/** Alternative-process requests; writes are conditional on the revision read. */
public interface AlternativeRequestRepository {

    /** Stores a new request; false when one with its id exists. */
    boolean create(AlternativeRequest request);

    Optional<AlternativeRequest> find(String organisation, String requestId);

    boolean replace(AlternativeRequest request, long expectedRevision);

    void delete(String organisation, String requestId);

    /** The organisation's requests, newest first, optionally of one status. */
    Page<AlternativeRequest> list(String organisation, AlternativeRequest.Status status, int limit, String cursor);

    /** One candidate's requests (subject access, erasure). */
    List<AlternativeRequest> ofCandidate(String organisation, String candidateId);

    /** Requests whose hiring team has not been emailed yet, across organisations, oldest first. */
    List<AlternativeRequest> unnotified(int limit);
}
