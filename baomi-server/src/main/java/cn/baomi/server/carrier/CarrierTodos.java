package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/** Home-page reminders: hand-overs waiting for my confirmation, and borrowings and carry-outs past their due date. */
@Component
class CarrierTodos implements TodoProvider {

    private final HoldingService holdings;

    CarrierTodos(HoldingService holdings) {
        this.holdings = holdings;
    }

    @Override
    public List<Todo> todosFor(CurrentUser user) {
        if (user.isAdministrator()) {
            return List.of();
        }
        List<Todo> todos = new ArrayList<>();
        for (Copy c : holdings.waitingForMe(user)) {
            todos.add(new Todo("carrier.todo.confirmHandOver", new Object[] {c.ledgerNumber()}, "/carriers/" + c.carrierId()));
        }
        for (Copy c : holdings.overdueForMe(user, CopyStatus.LENT)) {
            todos.add(new Todo("carrier.todo.overdue", new Object[] {c.ledgerNumber(), c.dueDate().toString()},
                    "/carriers/" + c.carrierId()));
        }
        for (Copy c : holdings.overdueForMe(user, CopyStatus.CARRIED_OUT)) {
            todos.add(new Todo("carrier.todo.carryOutOverdue", new Object[] {c.ledgerNumber(), c.dueDate().toString()},
                    "/carriers/" + c.carrierId()));
        }
        return todos;
    }
}
