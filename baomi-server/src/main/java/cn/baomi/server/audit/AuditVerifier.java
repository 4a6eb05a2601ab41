package cn.baomi.server.audit;

import java.io.Serializable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain and names the first broken link: a row whose hash does not match its content
 * ({@code ALTERED}), whose previous hash does not match the row before ({@code LINK}), a gap in the
 * sequence or rows missing before the head ({@code MISSING}). The head is read first and only rows up
 * to it are checked, so writers appending meanwhile never make an intact chain look broken.
 */
@Service
public class AuditVerifier {

    public static final String ALTERED = "ALTERED";
    public static final String LINK = "LINK";
    public static final String MISSING = "MISSING";
    private final AuditEvents events;

    AuditVerifier(AuditEvents events) {
        this.events = events;
    }

    /**
     * The outcome: intact with the number of rows checked, or the sequence number and kind of the first
     * break. Serializable because the page carries it across a redirect in the (database-held) session.
     */
    public record Verification(boolean intact, long checked, Long brokenSeq, String problem) implements Serializable {

        static Verification brokenAt(long checked, long seq, String problem) {
            return new Verification(false, checked, seq, problem);
        }
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        AuditEvents.Head head = events.head();
        Walk walk = new Walk();
        events.walk(head.lastSeq(), walk::accept);
        if (walk.broken != null) {
            return walk.broken;
        }
        if (walk.checked < head.lastSeq()) {
            return Verification.brokenAt(walk.checked, walk.checked + 1, MISSING);
        }
        if (!head.lastHash().equals(walk.prevHash)) {
            return Verification.brokenAt(walk.checked - 1, head.lastSeq(), ALTERED);
        }
        return new Verification(true, walk.checked, null, null);
    }

    /** The state of one pass along the chain. */
    private static final class Walk {

        long checked;
        String prevHash = AuditChain.GENESIS;
        Verification broken;

        boolean accept(AuditEvent e) {
            long expected = checked + 1;
            if (e.seq() != expected) {
                broken = Verification.brokenAt(checked, expected, MISSING);
            } else if (!prevHash.equals(e.prevHash())) {
                broken = Verification.brokenAt(checked, e.seq(), LINK);
            } else if (!AuditChain.hash(e).equals(e.hash())) {
                broken = Verification.brokenAt(checked, e.seq(), ALTERED);
            } else {
                prevHash = e.hash();
                checked = e.seq();
                return true;
            }
            return false;
        }
    }
}
