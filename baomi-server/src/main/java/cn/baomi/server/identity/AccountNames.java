package cn.baomi.server.identity;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.ActorNames;

/** {@link ActorNames} from the accounts: a login name with no account (a stand-in, "system") is left out. */
@Service
class AccountNames implements ActorNames {

    private final Accounts accounts;

    AccountNames(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        return accounts.displayNames(usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toList());
    }
}
