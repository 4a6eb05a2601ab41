package cn.baomi.server.personnel;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/**
 * Home-page reminders for the secrecy office: the counts by level, re-reviews overdue or due soon, commitments
 * out of date and files incomplete, each linking to the roster filtered accordingly.
 */
@Component
class PersonnelTodos implements TodoProvider {

    private final PersonnelAccess access;
    private final Roster roster;

    PersonnelTodos(PersonnelAccess access, Roster roster) {
        this.access = access;
        this.roster = roster;
    }

    @Override
    public List<Todo> todosFor(CurrentUser user) {
        if (!access.isKeeper(user)) {
            return List.of();
        }
        RosterCounts c = roster.counts(user);
        List<Todo> todos = new ArrayList<>();
        if (c.total() > 0) {
            todos.add(new Todo("personnel.todo.counts", new Object[] {c.core(), c.important(), c.general()}, "/personnel"));
        }
        add(todos, c.reviewsOverdue(), "personnel.todo.reviewsOverdue", RosterStatus.REVIEW_OVERDUE);
        add(todos, c.reviewsDueSoon(), "personnel.todo.reviewsDueSoon", RosterStatus.REVIEW_DUE_SOON);
        add(todos, c.commitmentsOutOfDate(), "personnel.todo.commitmentsOutOfDate", RosterStatus.COMMITMENT_OUT_OF_DATE);
        add(todos, c.incomplete(), "personnel.todo.incomplete", RosterStatus.INCOMPLETE);
        return todos;
    }

    private static void add(List<Todo> todos, long count, String key, RosterStatus status) {
        if (count > 0) {
            todos.add(new Todo(key, new Object[] {count}, "/personnel?status=" + status));
        }
    }
}
