package cn.baomi.server.personnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/**
 * Home-page reminders. For the secrecy office: re-reviews overdue or due soon, commitments out of date and files
 * incomplete, each linking to the roster filtered accordingly (the counts by level are on {@link PersonnelCard}). For a cleared person: their
 * own re-review overdue or commitment out of date, linking to their file.
 */
@Component
class PersonnelTodos implements TodoProvider {

    private final PersonnelAccess access;
    private final Roster roster;
    private final PersonDirectory persons;
    private final FileStatuses statuses;

    PersonnelTodos(PersonnelAccess access, Roster roster, PersonDirectory persons, FileStatuses statuses) {
        this.access = access;
        this.roster = roster;
        this.persons = persons;
        this.statuses = statuses;
    }

    @Override
    public List<Todo> todosFor(CurrentUser user) {
        if (user.isAdministrator()) {
            return List.of();
        }
        List<Todo> todos = new ArrayList<>();
        if (access.isKeeper(user)) {
            RosterCounts c = roster.counts(user);
            add(todos, c.reviewsOverdue(), "personnel.todo.reviewsOverdue", RosterStatus.REVIEW_OVERDUE);
            add(todos, c.reviewsDueSoon(), "personnel.todo.reviewsDueSoon", RosterStatus.REVIEW_DUE_SOON);
            add(todos, c.commitmentsOutOfDate(), "personnel.todo.commitmentsOutOfDate",
                    RosterStatus.COMMITMENT_OUT_OF_DATE);
            add(todos, c.incomplete(), "personnel.todo.incomplete", RosterStatus.INCOMPLETE);
        }
        own(user, todos);
        return todos;
    }

    /** The signed-in person's own reminders, when they hold a clearance. */
    private void own(CurrentUser user, List<Todo> todos) {
        PersonSummary me = user.personId() == null ? null : persons.find(user.personId())
                .filter(p -> p.active() && p.clearance() != ClearanceLevel.NONE).orElse(null);
        if (me == null) {
            return;
        }
        PersonStatus status = statuses.of(List.of(me), Map.of(), Map.of()).get(0);
        if (status.reviewOverdue()) {
            todos.add(new Todo("personnel.todo.myReviewOverdue", new Object[] {}, "/personnel/me"));
        }
        if (status.commitmentOutOfDate()) {
            todos.add(new Todo("personnel.todo.myCommitmentOutOfDate", new Object[] {}, "/personnel/me"));
        }
    }

    private static void add(List<Todo> todos, long count, String key, RosterStatus status) {
        if (count > 0) {
            todos.add(new Todo(key, new Object[] {count}, "/personnel?status=" + status));
        }
    }
}
