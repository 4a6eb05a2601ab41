package cn.baomi.server.personnel;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonPageLinks;
import cn.baomi.server.shared.CurrentUser;

/** The person page of the register links to the secrecy file, for those who may read the file only. */
@Component
class SecrecyFileLink implements PersonPageLinks {

    private final PersonnelAccess access;

    SecrecyFileLink(PersonnelAccess access) {
        this.access = access;
    }

    @Override
    public Optional<Link> linkFor(CurrentUser viewer, long personId) {
        return access.canRead(viewer, personId)
                ? Optional.of(new Link("personnel.file.link", "/personnel/" + personId))
                : Optional.empty();
    }
}
