package cn.baomi.server.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.RecordNotFound;

/**
 * Records every request answered 404 for a record (outcome DENIED): one that does not exist or that the user may
 * not know exists. The user is told neither; the auditor sees both, with the record named as it was asked for.
 * Written after the request's own transaction has rolled back, so the record stays.
 */
@Component
class NotFoundAttempts {

    static final String ACTION = "RECORD_NOT_FOUND";
    private final AuditTrail trail;

    NotFoundAttempts(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(RecordNotFound attempt) {
        trail.record(new AuditRecord(ACTION, attempt.what(), attempt.id(), AuditRecord.Outcome.DENIED,
                attempt.method() + " " + attempt.path()));
    }
}
