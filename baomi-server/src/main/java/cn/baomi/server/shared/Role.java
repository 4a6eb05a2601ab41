package cn.baomi.server.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles an account may hold. The three administrator roles (三员) are exclusive: an account holds
 * at most one of them and then no business role, and none of them may see business records.
 */
public enum Role {
    SYSTEM_ADMIN(true),
    SECURITY_ADMIN(true),
    SECURITY_AUDITOR(true),
    SECRECY_OFFICER(false),
    CLASSIFICATION_AUTHORITY(false),
    DEPARTMENT_HEAD(false),
    UNIT_LEADER(false),
    STAFF(false),
    SUPERVISOR(false);

    private final boolean administrator;

    Role(boolean administrator) {
        this.administrator = administrator;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> administrators() {
        return EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, SECURITY_AUDITOR);
    }

    public static Set<Role> business() {
        return EnumSet.complementOf(EnumSet.copyOf(administrators()));
    }

    /**
     * Who may read the person register (names, clearances, masked ID numbers): the secrecy office, leaders,
     * department heads, the classification authority and the supervisor. Staff have no need to know it.
     */
    public static Set<Role> personReaders() {
        return EnumSet.of(SECRECY_OFFICER, CLASSIFICATION_AUTHORITY, DEPARTMENT_HEAD, UNIT_LEADER, SUPERVISOR);
    }

    /** Separation of the three administrators: one administrator role alone, or business roles only. */
    public static boolean isAllowedCombination(Collection<Role> roles) {
        long admins = roles.stream().filter(Role::isAdministrator).count();
        return admins == 0 || (admins == 1 && roles.size() == 1);
    }
}
