package cn.baomi.server.shared.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.baomi.server.shared.CurrentUser;

/** The home page: the cards and the to-dos the modules have for the user. */
@Controller
class HomeController {

    private final List<TodoProvider> providers;
    private final List<HomeCardProvider> cards;

    HomeController(List<TodoProvider> providers, List<HomeCardProvider> cards) {
        this.providers = providers;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("cards", cards.stream().flatMap(p -> p.cardsFor(user).stream())
                .sorted(Comparator.comparingInt(HomeCard::order)).toList());
        model.addAttribute("todos", providers.stream().flatMap(p -> p.todosFor(user).stream()).toList());
        return "home";
    }
}
