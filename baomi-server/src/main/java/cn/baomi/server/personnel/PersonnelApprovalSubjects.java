package cn.baomi.server.personnel;

import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalSubject;
import cn.baomi.server.approval.ApprovalSubjects;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.CurrentUser;

/**
 * Names a clearance-level change on the approval page: the person, linked to their secrecy file for whoever may read
 * it (the secrecy office, the person's leaders — the approvers of such a change); anyone else gets the kind of request
 * and its number only.
 */
@Component
class PersonnelApprovalSubjects implements ApprovalSubjects {

    private final LevelChanges levels;
    private final PersonDirectory persons;
    private final PersonnelAccess access;
    private final MessageSource messages;

    PersonnelApprovalSubjects(LevelChanges levels, PersonDirectory persons, PersonnelAccess access,
                              MessageSource messages) {
        this.levels = levels;
        this.persons = persons;
        this.access = access;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalSubject> describe(String subjectType, String subjectId) {
        if (!LevelService.SUBJECT.equals(subjectType) || !subjectId.chars().allMatch(Character::isDigit)
                || subjectId.isEmpty() || subjectId.length() > 18) {
            return Optional.empty();
        }
        return levels.find(Long.parseLong(subjectId)).map(change -> {
            Optional<PersonSummary> person = persons.find(change.personId());
            if (person.isPresent() && access.canRead(CurrentUser.require(), change.personId())) {
                return new ApprovalSubject(text("personnel.approvalSubject.level", person.get().name()),
                        "/personnel/" + change.personId());
            }
            return new ApprovalSubject(text("personnel.approvalSubject.levelHidden", subjectId), null);
        });
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
