package cn.baomi.server.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain and names the first broken link: a row whose hash does not match its
 * content, whose previous hash does not match the row before, a gap in the sequence (a removed row),
 * or a head that does not match the last row (removed rows at the end).
 */
@Service
public class AuditVerifier {

    private final AuditEvents events;

    AuditVerifier(AuditEvents events) {
        this.events = events;
    }

    public record Verification(boolean intact, long checked, Long brokenSeq, String problem) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> prevHash = new AtomicReference<>(AuditChain.GENESIS);
        AtomicReference<Verification> broken = new AtomicReference<>();
        events.forEachInOrder(e -> {
            if (broken.get() != null) {
                return;
            }
            long checked = expectedSeq.get() - 1;
            if (e.seq() != expectedSeq.get()) {
                broken.set(new Verification(false, checked, expectedSeq.get(), "MISSING"));
            } else if (!e.prevHash().equals(prevHash.get())) {
                broken.set(new Verification(false, checked, e.seq(), "LINK"));
            } else if (!AuditChain.hash(e).equals(e.hash())) {
                broken.set(new Verification(false, checked, e.seq(), "ALTERED"));
            } else {
                prevHash.set(e.hash());
                expectedSeq.incrementAndGet();
            }
        });
        if (broken.get() != null) {
            return broken.get();
        }
        long checked = expectedSeq.get() - 1;
        AuditEvents.Head head = events.head();
        if (head.lastSeq() != checked || !head.lastHash().equals(prevHash.get())) {
            return new Verification(false, checked, checked + 1, "MISSING");
        }
        return new Verification(true, checked, null, null);
    }
}
