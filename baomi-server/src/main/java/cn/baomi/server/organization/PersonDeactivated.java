package cn.baomi.server.organization;

/** Published when a person is deactivated (left, retired, moved away), so that their account can be disabled. */
public record PersonDeactivated(long personId) {
}
