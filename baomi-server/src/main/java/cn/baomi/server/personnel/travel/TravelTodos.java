package cn.baomi.server.personnel.travel;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/** Home-page reminder: a travel document out past its return date (for the secrecy office and for its holder). */
@Component
class TravelTodos implements TodoProvider {

    private final TravelDocumentService documents;

    TravelTodos(TravelDocumentService documents) {
        this.documents = documents;
    }

    @Override
    public List<Todo> todosFor(CurrentUser user) {
        if (user.isAdministrator()) {
            return List.of();
        }
        return documents.overdueFor(user).stream()
                .map(d -> new Todo("travel.todo.documentOverdue", new Object[] {documents.holder(d.personId()),
                        d.dueOn().toString()}, "/personnel/travel"))
                .toList();
    }
}
