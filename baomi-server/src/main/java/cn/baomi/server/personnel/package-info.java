/**
 * Cleared personnel (涉密人员, domain.md §3): each person's secrecy file — level history with approvals,
 * background reviews, commitments with their scanned copies, training hours, reminder talks, reports of major
 * personal matters, the re-review schedule — and the checklist for going onto a classified post.
 * Other modules (and the sub-packages {@code travel} and {@code exit}) use {@link cn.baomi.server.personnel.PersonnelAccess}
 * to decide who sees a person's records and {@link cn.baomi.server.personnel.Commitments} to record and check
 * signed commitments. Everything else is internal. See docs/decisions/personnel.md.
 */
package cn.baomi.server.personnel;
