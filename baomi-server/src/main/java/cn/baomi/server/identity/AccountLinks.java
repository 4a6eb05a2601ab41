package cn.baomi.server.identity;

import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDeactivated;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.personnel.PersonLeftPost;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/**
 * The secrecy office links each account to the person it belongs to, within its scope; the account then
 * belongs to the person's unit. When a person is deactivated or leaves the classified post, their account is disabled.
 */
@Service
class AccountLinks {

    /** An account, its person when linked, else the persons it could be linked to. */
    record Row(Account account, PersonSummary person, List<PersonSummary> candidates) {
    }

    private final Accounts accounts;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final AuditTrail audit;

    AccountLinks(Accounts accounts, PersonDirectory persons, UnitDirectory units, AuditTrail audit) {
        this.accounts = accounts;
        this.persons = persons;
        this.units = units;
        this.audit = audit;
    }

    /** Business accounts of the units in the officer's scope, with their person where linked. */
    List<Row> inScope() {
        CurrentUser officer = requireOfficer();
        Set<Long> visible = units.visibleUnitIds(officer);
        return accounts.inUnits(visible).stream()
                .filter(a -> !a.isAdministratorAccount())
                .map(a -> a.personId() == null ? new Row(a, null, candidates(a))
                        : new Row(a, persons.find(a.personId()).orElse(null), List.of()))
                .toList();
    }

    /** Active persons of the account's unit who have no account yet. */
    private List<PersonSummary> candidates(Account account) {
        return persons.activeInUnit(account.unitId()).stream()
                .filter(p -> accounts.findByPerson(p.id()).isEmpty())
                .toList();
    }

    @Transactional
    void link(long accountId, long personId) {
        CurrentUser officer = requireOfficer();
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        if (account.isAdministratorAccount() || account.unitId() == null || !units.isInScope(officer, account.unitId())) {
            throw new NotFound("account", accountId);
        }
        PersonSummary person = persons.find(personId).filter(p -> units.isInScope(officer, p.unitId()))
                .orElseThrow(() -> new BusinessRuleViolation("personId", "account.link.unknownPerson"));
        if (!person.active()) {
            throw new BusinessRuleViolation("personId", "account.link.inactivePerson");
        }
        if (accounts.findByPerson(personId).filter(a -> a.id() != accountId).isPresent()) {
            throw new BusinessRuleViolation("personId", "account.link.personTaken");
        }
        accounts.linkPerson(accountId, personId, person.unitId());
        audit.record(AuditRecord.success("ACCOUNT_LINKED", "account", account.username()).withDetail("person=" + personId));
    }

    /** In the transaction of the deactivation, so both happen or neither. */
    @EventListener
    void disableAccountOfDeactivatedPerson(PersonDeactivated event) {
        accounts.findByPerson(event.personId()).filter(Account::enabled).ifPresent(account -> {
            accounts.setEnabled(account.id(), false);
            audit.record(AuditRecord.success("ACCOUNT_DISABLED", "account", account.username())
                    .withDetail("person deactivated"));
        });
    }

    /** In the transaction that completes the exit (离岗离职), so the account is revoked with it or not at all. */
    @EventListener
    void disableAccountOfPersonWhoLeftThePost(PersonLeftPost event) {
        accounts.findByPerson(event.personId()).filter(Account::enabled).ifPresent(account -> {
            accounts.setEnabled(account.id(), false);
            audit.record(AuditRecord.success("ACCOUNT_DISABLED", "account", account.username())
                    .withDetail("left the classified post, exit " + event.exitId()));
        });
    }

    private static CurrentUser requireOfficer() {
        CurrentUser user = CurrentUser.require();
        if (!user.has(Role.SECRECY_OFFICER)) {
            throw new AccessDeniedException("only the secrecy office links accounts to persons");
        }
        return user;
    }
}
