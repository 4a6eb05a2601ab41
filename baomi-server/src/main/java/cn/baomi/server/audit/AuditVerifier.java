package cn.baomi.server.audit;

import java.io.Serializable;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every chain line on its own, in the order of its positions, and names the first broken link: a row whose
 * hash does not match its content ({@code ALTERED}), whose previous hash does not match the row before it in its
 * line ({@code LINK}), a gap in the positions or rows missing before the head ({@code MISSING}). The heads of all
 * lines are read first, in one statement, and only rows up to them are checked, so writers appending meanwhile never
 * make an intact chain look broken (docs/decisions/0003-audit-chain.md).
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
     * The outcome: intact with the number of rows checked, or the first break: where it is seen ({@code line} and
     * {@code position} in that line), the global number of the row there ({@code brokenSeq}; for missing rows the
     * next row present in the line, null when the rows missing are the last of their line) and its kind;
     * {@code checked} is then the number of rows found intact, in all lines, before the break of each. Of breaks in
     * several lines the first is the one with the smallest global number (a break at the end of a line counting as
     * the number of the last row found there). Serializable because the page carries it across a redirect in the
     * (database-held) session.
     */
    public record Verification(boolean intact, long checked, Long brokenSeq, Integer line, Long position,
                               String problem) implements Serializable {

        static Verification intactWith(long checked) {
            return new Verification(true, checked, null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        List<AuditEvents.Head> heads = events.heads();
        long checked = 0;
        LineWalk first = null;
        for (AuditEvents.Head head : heads) {
            LineWalk walk = new LineWalk(head.line());
            events.walk(head.line(), head.lastSeq(), walk::accept);
            walk.end(head);
            checked += walk.checked;
            if (walk.problem != null && (first == null || walk.order < first.order)) {
                first = walk;
            }
        }
        if (first == null) {
            return Verification.intactWith(checked);
        }
        return new Verification(false, checked, first.brokenSeq, first.line, first.brokenAt, first.problem);
    }

    /** The state of one pass along one line, up to its first break. */
    private static final class LineWalk {

        final int line;
        long checked;
        long position;
        long lastSeq;
        String prevHash = AuditChain.GENESIS;
        String problem;
        long brokenAt;
        Long brokenSeq;
        long order;

        LineWalk(int line) {
            this.line = line;
        }

        boolean accept(AuditEvent e) {
            long expected = position + 1;
            if (e.lineSeq() > expected) {
                broken(expected, e.seq(), e.seq(), MISSING);
            } else if (e.lineSeq() < expected || !prevHash.equals(e.prevHash())) {
                broken(e.lineSeq(), e.seq(), e.seq(), LINK);
            } else if (!AuditChain.hash(e).equals(e.hash())) {
                broken(e.lineSeq(), e.seq(), e.seq(), ALTERED);
            } else {
                prevHash = e.hash();
                position = e.lineSeq();
                lastSeq = e.seq();
                checked++;
                return true;
            }
            return false;
        }

        /**
         * After the walk: rows the head counts that were not found are missing; a head whose hash is not the last
         * row's means that row was rewritten (with a fresh hash, so only the head shows it).
         */
        void end(AuditEvents.Head head) {
            if (problem != null) {
                return;
            }
            if (position < head.lastSeq()) {
                broken(position + 1, null, lastSeq, MISSING);
            } else if (!head.lastHash().equals(prevHash)) {
                if (position > 0) {
                    checked--;
                }
                broken(position, position > 0 ? lastSeq : null, lastSeq, ALTERED);
            }
        }

        private void broken(long at, Long seq, long orderSeq, String kind) {
            problem = kind;
            brokenAt = at;
            brokenSeq = seq;
            order = orderSeq;
        }
    }
}
