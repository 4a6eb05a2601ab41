package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.baomi.server.shared.CurrentUser;

/** Posts events on a copy through {@code /api/carriers/{id}/events} and reads a copy's state back, for tests. */
record CopyApi(MockMvc mvc, JdbcClient jdbc) {

    ResultActions post(CurrentUser user, long carrierId, long copyId, String type, Map<String, Object> fields)
            throws Exception {
        String extra = fields.entrySet().stream()
                .map(e -> ",\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue() : "\"" + e.getValue() + "\""))
                .collect(Collectors.joining());
        return mvc.perform(MockMvcRequestBuilders
                .post("/api/carriers/" + carrierId + "/events").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyId\":" + copyId + ",\"type\":\"" + type + "\"" + extra + "}"));
    }

    ResultActions get(CurrentUser user, long carrierId) throws Exception {
        return mvc.perform(MockMvcRequestBuilders
                .get("/api/carriers/" + carrierId).with(as(user)));
    }

    Map<String, Object> state(long copyId) {
        return jdbc.sql("select status, custodian_id, pending_custodian_id, borrower_id, due_date, safe_id, place, version "
                + "from carrier_copies where id = ?").param(copyId).query().singleRow();
    }

    void setStatus(long copyId, CopyStatus status) {
        jdbc.sql("update carrier_copies set status = ? where id = ?").params(status.name(), copyId).update();
    }

    long events(long copyId, EventType type) {
        return jdbc.sql("select count(*) from copy_events where copy_id = ? and event_type = ?")
                .params(copyId, type.name()).query(Long.class).single();
    }

    long audited(String action, long copyId) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(copyId)).query(Long.class).single();
    }
}
