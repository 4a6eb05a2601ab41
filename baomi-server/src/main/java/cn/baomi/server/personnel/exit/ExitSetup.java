package cn.baomi.server.personnel.exit;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Leaving the post's use cases for other modules (the demo loader, later imports): the same services, rules and
 * audit records as the pages and the API, as the signed-in secrecy office.
 */
@Service
@NamedInterface("exit-setup")
public class ExitSetup {

    private final ExitService exits;

    ExitSetup(ExitService exits) {
        this.exits = exits;
    }

    /** Opens the exit of a cleared person; returns its id. */
    public long open(long personId, String reason, LocalDate leaveDate) {
        ExitForm form = new ExitForm();
        form.setPersonId(personId);
        form.setReason(reason);
        form.setLeaveDate(leaveDate);
        return exits.open(form);
    }

    /** Records the exit commitment as signed on that day, without a scan. */
    public void recordCommitment(long exitId, LocalDate signedOn) {
        exits.recordCommitment(exitId, signedOn, null, null);
    }

    /** Completes the exit: refused while a carrier is held or the commitment is missing, as on the page. */
    public void complete(long exitId) {
        exits.complete(exitId);
    }
}
