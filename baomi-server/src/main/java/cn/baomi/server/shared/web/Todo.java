package cn.baomi.server.shared.web;

/** One to-do on the home page: a message key with arguments, and where to act on it. */
public record Todo(String messageKey, Object[] arguments, String path) {
}
