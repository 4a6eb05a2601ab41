package cn.baomi.server.personnel.exit;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * Whether a person has left the classified post and is in the cool-off period (脱密期), for the rest of the
 * personnel module (travel abroad needs approval during it). No access check: callers have checked the person.
 */
@Component
public class CoolOffs {

    /** A cool-off from a completed exit: the level held and the first and last day. */
    public record CoolOff(long exitId, ClearanceLevel level, LocalDate start, LocalDate end) {

        public boolean covers(LocalDate day) {
            return !day.isAfter(end);
        }
    }

    private final Exits exits;

    CoolOffs(Exits exits) {
        this.exits = exits;
    }

    /** The cool-off of the person's latest completed exit, whether or not it has ended. */
    public Optional<CoolOff> latest(long personId) {
        return exits.ofPerson(personId).stream().filter(e -> e.state() == Exit.State.COMPLETED).findFirst()
                .map(e -> new CoolOff(e.id(), e.clearance(), e.coolOffStart(), e.coolOffEnd()));
    }

    /** The cool-off the person is in on that day, if any. */
    public Optional<CoolOff> on(long personId, LocalDate day) {
        return latest(personId).filter(c -> c.covers(day));
    }

    public boolean hasLeftPost(long personId) {
        return latest(personId).isPresent();
    }
}
