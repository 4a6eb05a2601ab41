package cn.baomi.server.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.ActorNames;

/** {@link ActorNames} from the accounts table: a login name with no account (a stand-in, "system") is left out. */
@Service
class AccountNames implements ActorNames {

    private final NamedParameterJdbcTemplate jdbc;

    AccountNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        List<String> wanted = usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        jdbc.query("select username, display_name from accounts where username in (:names)", Map.of("names", wanted),
                rs -> {
                    names.put(rs.getString("username"), rs.getString("display_name"));
                });
        return names;
    }
}
