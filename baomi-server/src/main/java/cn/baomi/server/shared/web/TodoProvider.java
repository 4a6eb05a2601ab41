package cn.baomi.server.shared.web;

import java.util.List;

import cn.baomi.server.shared.CurrentUser;

/** Implemented by modules that have something for a user to do; the home page lists them all. */
public interface TodoProvider {

    List<Todo> todosFor(CurrentUser user);
}
