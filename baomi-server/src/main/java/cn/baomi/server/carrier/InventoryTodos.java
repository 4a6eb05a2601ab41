package cn.baomi.server.carrier;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/** Home-page reminders of open inventories: how many copies I hold that I have not confirmed yet. */
@Component
class InventoryTodos implements TodoProvider {

    private final Inventories inventories;
    private final CarrierAccess access;

    InventoryTodos(Inventories inventories, CarrierAccess access) {
        this.inventories = inventories;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todosFor(CurrentUser user) {
        if (user.isAdministrator() || user.personId() == null || access.viewer(user).personId() == null) {
            return List.of();
        }
        return inventories.tasksOf(user.personId()).stream()
                .map(t -> new Todo("carrier.todo.inventory", new Object[] {t[1]}, "/carriers/inventories/" + t[0] + "/mine"))
                .toList();
    }
}
