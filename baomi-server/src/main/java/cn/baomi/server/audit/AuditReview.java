package cn.baomi.server.audit;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * The use cases of the audit view: reviewing the trail, verifying the chain and exporting. The
 * security auditor reviews everyone; the security administrator reviews the auditor (三员 check each
 * other), which the query enforces. Reviewing, verifying and exporting are themselves recorded.
 */
@Service
class AuditReview {

    static final int PAGE_SIZE = 50;
    private static final int EXPORT_CHUNK = 1000;
    private final AuditEvents events;
    private final AuditVerifier verifier;
    private final AuditTrail trail;

    AuditReview(AuditEvents events, AuditVerifier verifier, AuditTrail trail) {
        this.events = events;
        this.verifier = verifier;
        this.trail = trail;
    }

    record Page(List<AuditEvent> rows, int number, int pages, long total) {
    }

    @Transactional
    Page review(AuditFilter filter, int requestedPage) {
        AuditQuery query = visibleTo(CurrentUser.require(), filter.toQuery());
        long total = events.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(1, requestedPage), pages);
        List<AuditEvent> rows = events.search(query, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        trail.record(new AuditRecord("AUDIT_VIEWED", "audit", null, AuditRecord.Outcome.SUCCESS,
                describe(filter, "page=" + number)));
        return new Page(rows, number, pages, total);
    }

    @Transactional
    AuditVerifier.Verification verify() {
        visibleTo(CurrentUser.require(), AuditQuery.all());
        AuditVerifier.Verification result = verifier.verify();
        String detail = result.intact() ? "intact checked=" + result.checked()
                : result.problem() + " seq=" + result.brokenSeq();
        trail.record(new AuditRecord("AUDIT_VERIFIED", "audit", null,
                result.intact() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE, detail));
        return result;
    }

    /** Hands every visible row matching the filter to {@code sink}, newest first, a chunk at a time. */
    @Transactional
    void export(AuditFilter filter, Consumer<AuditEvent> sink) {
        AuditQuery query = visibleTo(CurrentUser.require(), filter.toQuery());
        trail.record(new AuditRecord("AUDIT_EXPORTED", "audit", null, AuditRecord.Outcome.SUCCESS,
                describe(filter, "csv")));
        long before = Long.MAX_VALUE;
        List<AuditEvent> chunk;
        do {
            chunk = events.searchBefore(query, before, EXPORT_CHUNK);
            chunk.forEach(sink);
            before = chunk.isEmpty() ? before : chunk.get(chunk.size() - 1).seq();
        } while (chunk.size() == EXPORT_CHUNK);
    }

    /** The auditor sees every row; the security administrator only the auditor's; nobody else anything. */
    static AuditQuery visibleTo(CurrentUser user, AuditQuery query) {
        if (user.has(Role.SECURITY_AUDITOR)) {
            return query;
        }
        if (user.has(Role.SECURITY_ADMIN)) {
            return query.onlyRole(Role.SECURITY_AUDITOR);
        }
        throw new AccessDeniedException("the audit trail is for the security auditor and the security administrator");
    }

    private static String describe(AuditFilter filter, String suffix) {
        String filters = filter.describe();
        return filters.isEmpty() ? suffix : filters + " " + suffix;
    }
}
