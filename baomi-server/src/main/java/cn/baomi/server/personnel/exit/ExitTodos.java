package cn.baomi.server.personnel.exit;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/** Home-page reminder for the secrecy office: a cool-off (脱密期) has ended and its management is to be closed. */
@Component
class ExitTodos implements TodoProvider {

    private final ExitService exits;

    ExitTodos(ExitService exits) {
        this.exits = exits;
    }

    @Override
    public List<Todo> todosFor(CurrentUser user) {
        if (user.isAdministrator() || !user.has(Role.SECRECY_OFFICER)) {
            return List.of();
        }
        return exits.coolOffsEnded(user).stream()
                .map(e -> new Todo("exit.todo.coolOffEnded", new Object[] {exits.name(e.personId()), e.coolOffEnd().toString()},
                        "/personnel/exits/" + e.id()))
                .toList();
    }
}
