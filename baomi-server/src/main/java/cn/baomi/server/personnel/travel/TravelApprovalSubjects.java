package cn.baomi.server.personnel.travel;

import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalSubject;
import cn.baomi.server.approval.ApprovalSubjects;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.shared.CurrentUser;

/**
 * Names a request to travel abroad on the approval page: the traveller and the destination, linked to the trip for
 * whoever may read the traveller's file; anyone else gets the kind of request and its number only.
 */
@Component
class TravelApprovalSubjects implements ApprovalSubjects {

    private final Travels travels;
    private final PersonDirectory persons;
    private final PersonnelAccess access;
    private final MessageSource messages;

    TravelApprovalSubjects(Travels travels, PersonDirectory persons, PersonnelAccess access, MessageSource messages) {
        this.travels = travels;
        this.persons = persons;
        this.access = access;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalSubject> describe(String subjectType, String subjectId) {
        if (!"travel".equals(subjectType) || subjectId.isEmpty() || subjectId.length() > 18
                || !subjectId.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return travels.find(Long.parseLong(subjectId)).map(travel -> {
            Optional<PersonSummary> person = persons.find(travel.personId());
            if (person.isPresent() && access.canRead(CurrentUser.require(), travel.personId())) {
                return new ApprovalSubject(text("travel.approvalSubject", person.get().name(), travel.destination()),
                        "/personnel/travel/" + travel.id());
            }
            return new ApprovalSubject(text("travel.approvalSubjectHidden", subjectId), null);
        });
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
