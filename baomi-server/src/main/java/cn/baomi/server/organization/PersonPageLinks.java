package cn.baomi.server.organization;

import java.util.Optional;

import cn.baomi.server.shared.CurrentUser;

/**
 * Implemented by a module that keeps a record of a person (the personnel module's secrecy file): the person page of
 * the register shows a link to it, for viewers who may see that record only — for everyone else nothing, so the
 * page does not reveal that the record exists.
 */
public interface PersonPageLinks {

    /** A link to the page at {@code path}, labelled by the message {@code messageKey}. */
    record Link(String messageKey, String path) {
    }

    /** The link for this viewer, or empty when they may not see the record. */
    Optional<Link> linkFor(CurrentUser viewer, long personId);
}
