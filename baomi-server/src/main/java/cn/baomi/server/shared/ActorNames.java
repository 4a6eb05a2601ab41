package cn.baomi.server.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The names people know accounts by, for records that keep the acting account's login name (the history of a copy):
 * pages show the display name instead. Implemented by the identity module, which owns accounts; a module that shows
 * such records depends on this interface, not on identity.
 */
public interface ActorNames {

    /** Display name by login name, for those of {@code usernames} that are accounts; others are left out. */
    Map<String, String> displayNames(Collection<String> usernames);
}
