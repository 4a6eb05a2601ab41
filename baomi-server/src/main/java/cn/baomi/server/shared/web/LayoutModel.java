package cn.baomi.server.shared.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.baomi.server.shared.CurrentUser;

/** Puts the signed-in user and their menu into every page's model for the layout. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final List<MenuItem> items;

    LayoutModel(List<MenuItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparing(MenuItem::section).thenComparingInt(MenuItem::order))
                .toList();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.find().orElse(null);
    }

    @ModelAttribute("menu")
    List<MenuItem> menu() {
        return CurrentUser.find().map(user -> items.stream().filter(i -> i.visibleTo(user)).toList()).orElse(List.of());
    }
}
