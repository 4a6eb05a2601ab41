package cn.baomi.server.organization;

/** How a person works for the unit (domain.md §1). */
public enum EmploymentType {
    REGULAR, TEMPORARY, SECONDED, TRAINEE, OUTSOURCED, SERVICE;

    /**
     * Temporary, seconded and trainee staff may in principle not touch state secrets: a clearance for
     * them needs an exception approved and recorded in the personnel module.
     */
    public boolean needsApprovedExceptionForClearance() {
        return this == TEMPORARY || this == SECONDED || this == TRAINEE;
    }
}
