package cn.baomi.server.shared;

/**
 * Whether a person holds a role through their enabled account. Implemented by the identity module, for modules that
 * route by role but may not depend on identity (the approval route, for a request filed on someone's behalf).
 */
public interface PersonRoles {

    boolean holds(long personId, Role role);
}
