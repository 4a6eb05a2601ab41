package cn.baomi.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Appends events to the chained trail, in the transaction of the change they record, so the change and its records
 * commit or roll back together. The records of a transaction are collected and written together as its last
 * statements, just before it commits ({@code beforeCommit}): the chain head, which serialises all writers, is then
 * locked only for those inserts and the commit (docs/decisions/0003-audit-chain.md, ledger-performance.md).
 * <p>
 * Writers of this server queue for the head here ({@link #writers}) rather than in the database: one transaction at a
 * time locks the head row, so that its commit hands the head to one waiting thread instead of waking every waiting
 * database connection (ledger-performance.md, "One writer at the head per server"). The database lock stays and
 * still orders the writers of several servers. While holding that lock a writer also knows the head as this server's
 * last commit left it ({@link #knownHead}) and chains after it without reading the head first; the head is moved
 * only if it is still that one, and otherwise the writer locks and reads it as before.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM_ACTOR = "system";
    private final AuditEvents events;
    /** Held from locking the head until the transaction has committed or rolled back; reentrant for a transaction
     *  that a thread holding it runs after its commit. */
    private final ReentrantLock writers = new ReentrantLock();
    /**
     * The head after this server's last committed records, or null when unknown; used and set holding
     * {@link #writers}. A transaction run on the same thread after another's commit may commit first and be
     * overwritten here by the older head; that costs the next writer one failed move and the locked read, never a
     * wrong link.
     */
    private AuditEvents.Head knownHead;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    /** Records an action of the signed-in user (or of the system, when nobody is signed in). */
    @Transactional
    public void record(AuditRecord record) {
        CurrentUser user = CurrentUser.find().orElse(null);
        String actor = user == null ? SYSTEM_ACTOR : user.username();
        String roles = user == null ? "" : user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        recordAs(actor, roles, record);
    }

    /** Records an action for a named actor who is not signed in, such as a failed sign-in. */
    @Transactional
    public void recordAs(String actor, String actorRoles, AuditRecord record) {
        Entry entry = new Entry(clean(actor == null || actor.isBlank() ? "?" : actor, 50),
                actorRoles == null ? "" : clean(actorRoles, 200), clean(record.action(), 60),
                clean(record.targetType(), 40), clean(record.targetId(), 60), record.outcome().name(),
                clean(record.detail(), 1000), clean(clientAddress(), 64));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writers.lock();
            try {
                knownHead = null;
                write(List.of(entry), null);
            } finally {
                writers.unlock();
            }
            return;
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Pending p && p.trail == this).map(Pending.class::cast).findFirst()
                .orElse(null);
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(entry);
    }

    /** What is known of a record when it is asked for; seq, time and hashes are added when it is written. */
    private record Entry(String actor, String roles, String action, String targetType, String targetId, String outcome,
                         String detail, String address) {
    }

    /**
     * The records of one transaction, written just before it commits, after every other {@code beforeCommit}; one
     * asked for after that (by a later hook) is written at once, the head already being locked by then. The writers'
     * lock is taken before the head and given back as soon as the transaction has ended.
     */
    private static final class Pending implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<Entry> entries = new ArrayList<>();
        private boolean written;
        private boolean holding;
        private AuditEvents.Head head;

        Pending(AuditTrail trail) {
            this.trail = trail;
        }

        void add(Entry entry) {
            if (written) {
                hold();
                head = trail.write(List.of(entry), head);
            } else {
                entries.add(entry);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!entries.isEmpty()) {
                hold();
                head = trail.write(entries, head);
            }
        }

        @Override
        public void afterCommit() {
            if (holding && head != null) {
                trail.knownHead = head;
            }
            release();
        }

        @Override
        public void afterCompletion(int status) {
            if (holding && status == STATUS_UNKNOWN) {
                trail.knownHead = null;
            }
            release();
        }

        private void hold() {
            if (!holding) {
                trail.writers.lock();
                holding = true;
            }
        }

        private void release() {
            if (holding) {
                holding = false;
                trail.writers.unlock();
            }
        }
    }

    /**
     * Chains the records after the head in the order they were asked for and moves the head; returns the new head.
     * After the head this transaction already wrote or else the one this server knows, if it is still the head;
     * otherwise after the head locked and read.
     */
    private AuditEvents.Head write(List<Entry> entries, AuditEvents.Head written) {
        AuditEvents.Head known = written != null ? written : knownHead;
        if (known != null) {
            List<AuditEvent> rows = chain(known, entries);
            if (events.appendAfter(known, rows)) {
                return headAfter(rows);
            }
        }
        List<AuditEvent> rows = chain(events.lockHead(), entries);
        events.append(rows);
        return headAfter(rows);
    }

    private static AuditEvents.Head headAfter(List<AuditEvent> rows) {
        AuditEvent last = rows.get(rows.size() - 1);
        return new AuditEvents.Head(last.seq(), last.hash());
    }

    private static List<AuditEvent> chain(AuditEvents.Head head, List<Entry> entries) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long seq = head.lastSeq();
        String prev = head.lastHash();
        List<AuditEvent> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            seq++;
            String hash = AuditChain.hash(prev, seq, now, e.actor(), e.roles(), e.action(), e.targetType(), e.targetId(),
                    e.outcome(), e.detail(), e.address());
            rows.add(new AuditEvent(seq, now, e.actor(), e.roles(), e.action(), e.targetType(), e.targetId(), e.outcome(),
                    e.detail(), e.address(), prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /**
     * Fits a value to its column and replaces control characters: the chain separates fields with one,
     * so a value containing it could otherwise be shifted into the next field without changing the hash.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
