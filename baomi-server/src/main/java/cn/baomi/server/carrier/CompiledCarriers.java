package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * The carrier an approved excerpt or compilation makes: registered in the sources' unit with the level, duration and
 * scope of {@link CompilationRule}, its copies held by the requester at the first source's place, each naming all its
 * sources and carrying the stamp (e.g. "临川县发展和改革局 汇编 2026-11-23 第1份").
 */
@Component
class CompiledCarriers {

    /** What the new carrier will be. */
    record Target(SecretLevel level, SecrecyDuration duration, List<CarrierScopes.Entry> scope) {
    }

    private final Carriers carriers;
    private final Copies copies;
    private final CopyEvents events;
    private final CarrierScopes scopes;
    private final LedgerNumbers numbers;
    private final CarrierAccess access;
    private final UnitDirectory units;
    private final AuditTrail audit;

    CompiledCarriers(Carriers carriers, Copies copies, CopyEvents events, CarrierScopes scopes, LedgerNumbers numbers,
                     CarrierAccess access, UnitDirectory units, AuditTrail audit) {
        this.carriers = carriers;
        this.copies = copies;
        this.events = events;
        this.scopes = scopes;
        this.numbers = numbers;
        this.access = access;
        this.units = units;
        this.audit = audit;
    }

    /** Registers the carrier and its copies, in the transaction that granted the approval; returns its id. */
    long make(CompilationRequest r, long approvalId) {
        List<Copy> sources = r.sourceCopyIds().stream().map(id -> copies.find(id).orElseThrow()).toList();
        if (sources.stream().anyMatch(c -> c.status().closed())) {
            throw new BusinessRuleViolation("sourceCopyIds", "carrier.copy.closed");
        }
        sources.stream().filter(c -> c.status() == CopyStatus.LOST).findFirst().ifPresent(lost -> {
            throw new BusinessRuleViolation("sourceCopyIds", "carrier.copy.lost", lost.ledgerNumber());
        });
        LocalDate today = LocalDate.now();
        Target target = target(sources, today);
        requireEligible(r.requesterPersonId(), r.unitId(), target);
        UnitSummary unit = units.find(r.unitId()).orElseThrow();
        long carrierId = carriers.insert(new Carrier(0, r.unitId(), r.type(), r.title(), null, target.level(),
                target.duration(), Origin.OWN_UNIT, null, r.count(), r.requestedBy(), Instant.now(), 0, null));
        scopes.add(carrierId, target.scope());
        Copy first = sources.get(0);
        for (int n = 1; n <= r.count(); n++) {
            String number = numbers.next(unit.id(), unit.code(), target.level(), today.getYear());
            String stamp = unit.name() + " " + r.kind().stampWord() + " " + today + " 第" + n + "份";
            long copyId = copies.insertCopyOf(new Copy(0, carrierId, r.unitId(), n, number, r.requesterPersonId(), null,
                    null, null, first.safeId(), null, first.place(), CopyStatus.LIVE, 0, target.level()), first.id(), stamp);
            copies.linkSources(copyId, r.sourceCopyIds());
            events.append(CopyEvent.of(copyId, EventType.COMPILED, r.requestedBy()).custody(null, r.requesterPersonId())
                    .at(first.safeId(), first.place()).mode(r.kind().name()).note(stamp));
            audit.record(AuditRecord.success("COPY_COMPILED", "carrierCopy", copyId)
                    .withDetail("carrier=" + carrierId + " copy=" + n + " sources=" + r.sourceCopyIds()
                            + " approval=" + approvalId));
        }
        audit.record(AuditRecord.success("CARRIER_REGISTERED", "carrier", carrierId)
                .withDetail("level=" + target.level() + " copies=" + r.count() + " compilation=" + r.id()));
        return carrierId;
    }

    Target target(List<Copy> sources, LocalDate today) {
        List<Carrier> from = sources.stream().map(Copy::carrierId).distinct()
                .map(id -> carriers.find(id).orElseThrow()).toList();
        List<CarrierScopes.Entry> scope = CompilationRule.scope(from.stream().map(c -> scopes.of(c.id())).toList());
        if (scope.isEmpty()) {
            throw new BusinessRuleViolation("sourceCopyIds", "carrier.compilation.noCommonScope");
        }
        return new Target(CompilationRule.level(from), CompilationRule.duration(from, today), scope);
    }

    /** The requester will hold the new copies: of the unit, cleared for the level, inside the common scope. */
    void requireEligible(long personId, long unitId, Target target) {
        var person = access.person(personId).filter(p -> p.active() && p.unitId() == unitId)
                .orElseThrow(() -> new BusinessRuleViolation("copyId", "carrier.holder.otherUnit"));
        if (!target.level().readableWith(person.clearance())) {
            throw new BusinessRuleViolation("copyId", "carrier.holder.notCleared");
        }
        if (!CarrierScopes.includes(target.scope(), person)) {
            throw new BusinessRuleViolation("copyId", "carrier.holder.outsideScope");
        }
    }
}
