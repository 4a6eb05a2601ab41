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
        String detail = truncate(record.detail(), 1000);
        String address = clientAddress();
        String safeActor = truncate(actor == null || actor.isBlank() ? "?" : actor, 50);
        String hash = AuditChain.hash(head.lastHash(), seq, now, safeActor, actorRoles, record.action(),
                record.targetType(), record.targetId(), record.outcome().name(), detail, address);
        events.append(new AuditEvent(seq, now, safeActor, actorRoles, record.action(), record.targetType(),
                record.targetId(), record.outcome().name(), detail, address, head.lastHash(), hash));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
