package cn.baomi.server.shared.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.baomi.server.shared.CurrentUser;

/** The home page: the user's to-dos, gathered from every module that has some. */
@Controller
class HomeController {

    private final List<TodoProvider> providers;

    HomeController(List<TodoProvider> providers) {
        this.providers = providers;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("todos", providers.stream().flatMap(p -> p.todosFor(user).stream()).toList());
        return "home";
    }
}
