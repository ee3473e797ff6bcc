package dev.prescreen.testing;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.compliance.AlternativeRequest;
import dev.prescreen.domain.compliance.AlternativeRequestRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryAlternativeRequests implements AlternativeRequestRepository {

    private final Map<String, AlternativeRequest> requests = new ConcurrentHashMap<>();

    private static String key(String organisation, String requestId) {
        return organisation + "/" + requestId;
    }

    @Override
    public synchronized boolean create(AlternativeRequest request) {
        return requests.putIfAbsent(key(request.organisation(), request.requestId()), request) == null;
    }

    @Override
    public Optional<AlternativeRequest> find(String organisation, String requestId) {
        return Optional.ofNullable(requests.get(key(organisation, requestId)));
    }

    @Override
    public synchronized boolean replace(AlternativeRequest request, long expectedRevision) {
        AlternativeRequest stored = requests.get(key(request.organisation(), request.requestId()));
        if (stored == null || stored.revision() != expectedRevision) {
            return false;
        }
        requests.put(key(request.organisation(), request.requestId()), request);
        return true;
    }

    @Override
    public void delete(String organisation, String requestId) {
        requests.remove(key(organisation, requestId));
    }

    @Override
    public Page<AlternativeRequest> list(String organisation, AlternativeRequest.Status status, int limit,
            String cursor) {
        return new Page<>(requests.values().stream().filter(r -> r.organisation().equals(organisation))
                .filter(r -> status == null || r.status() == status)
                .sorted(Comparator.comparing(AlternativeRequest::requestId).reversed()).limit(limit).toList(),
                Optional.empty());
    }

    @Override
    public List<AlternativeRequest> ofCandidate(String organisation, String candidateId) {
        return requests.values().stream().filter(r -> r.organisation().equals(organisation)
                && candidateId.equals(r.candidateId())).toList();
    }

    @Override
    public List<AlternativeRequest> unnotified(int limit) {
        return requests.values().stream().filter(r -> r.notifiedAt() == null
                && r.status() == AlternativeRequest.Status.OPEN)
                .sorted(Comparator.comparing(AlternativeRequest::requestedAt)).limit(limit).toList();
    }
}
