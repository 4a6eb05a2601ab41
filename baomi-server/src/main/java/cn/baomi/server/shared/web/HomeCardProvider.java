package cn.baomi.server.shared.web;

import java.util.List;

import cn.baomi.server.shared.CurrentUser;

/**
 * Implemented by modules that give some users a card of figures on the home page (next to the to-dos of
 * {@link TodoProvider}); the provider decides who sees its card and returns nothing to everyone else.
 */
public interface HomeCardProvider {

    List<HomeCard> cardsFor(CurrentUser user);
}
