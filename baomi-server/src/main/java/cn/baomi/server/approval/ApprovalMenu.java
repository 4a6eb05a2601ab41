package cn.baomi.server.approval;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.shared.web.TodoProvider;

/** The approvals entry of the side menu, for every business role, and the home page's "N 项审批待您处理". */
@Configuration
class ApprovalMenu {

    @Bean
    MenuItem approvalsMenu() {
        return new MenuItem("work", 10, "menu.approvals", "/approvals", Role.business());
    }

    @Bean
    TodoProvider approvalTodos(ApprovalInbox inbox) {
        return user -> {
            if (user.isAdministrator()) {
                return List.of();
            }
            long pending = inbox.pendingCount(user);
            return pending == 0 ? List.of() : List.of(new Todo("approval.todo", new Object[] {pending}, "/approvals"));
        };
    }
}
