package cn.baomi.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Appends events to the chained trail. Called inside the transaction of the change it records, so
 * the change and its record commit or roll back together; writers queue on the chain head.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM_ACTOR = "system";
    private final AuditEvents events;

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
        AuditEvents.Head head = events.lockHead();
        long seq = head.lastSeq() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String safeActor = clean(actor == null || actor.isBlank() ? "?" : actor, 50);
        String roles = actorRoles == null ? "" : clean(actorRoles, 200);
        String action = clean(record.action(), 60);
        String targetType = clean(record.targetType(), 40);
        String targetId = clean(record.targetId(), 60);
        String detail = clean(record.detail(), 1000);
        String address = clean(clientAddress(), 64);
        String outcome = record.outcome().name();
        String hash = AuditChain.hash(head.lastHash(), seq, now, safeActor, roles, action, targetType, targetId,
                outcome, detail, address);
        events.append(new AuditEvent(seq, now, safeActor, roles, action, targetType, targetId, outcome, detail,
                address, head.lastHash(), hash));
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
