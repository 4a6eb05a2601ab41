package cn.baomi.server.carrier;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/** The register of safes, kept by the secrecy office of the unit. */
@Service
class SafeService {

    private final Safes safes;
    private final CarrierAccess access;
    private final UnitDirectory units;
    private final AuditTrail audit;

    SafeService(Safes safes, CarrierAccess access, UnitDirectory units, AuditTrail audit) {
        this.safes = safes;
        this.access = access;
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    long register(Long unitId, String number, String place, Long responsiblePersonId) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        long unit = unitId != null ? unitId : user.unitId();
        if (!units.isInScope(user, unit)) {
            throw new BusinessRuleViolation("unitId", "carrier.unit.outOfScope");
        }
        if (number == null || number.isBlank() || number.strip().length() > 32) {
            throw new BusinessRuleViolation("number", "carrier.safe.numberRequired");
        }
        if (place == null || place.isBlank() || place.strip().length() > 100) {
            throw new BusinessRuleViolation("place", "carrier.place.required");
        }
        PersonSummary responsible = access.person(responsiblePersonId).filter(PersonSummary::active)
                .filter(p -> p.unitId() == unit)
                .orElseThrow(() -> new BusinessRuleViolation("responsiblePersonId", "carrier.safe.responsibleOfUnit"));
        long id = safes.insert(unit, number.strip(), place.strip(), responsible.id());
        audit.record(AuditRecord.success("SAFE_REGISTERED", "safe", id));
        return id;
    }

    @Transactional(readOnly = true)
    List<Safe> list() {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        return safes.inUnits(access.viewer(user).keeperUnits());
    }
}
