package cn.baomi.server.carrier;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Where a copy is kept: a safe of the copy's own unit, or a named place. Exactly one of the two. */
@Component
class Places {

    record Place(Long safeId, String text) {
    }

    private final Safes safes;

    Places(Safes safes) {
        this.safes = safes;
    }

    Place resolve(Long safeId, String place, long unitId) {
        if (safeId != null) {
            safes.find(safeId).filter(s -> s.unitId() == unitId)
                    .orElseThrow(() -> new BusinessRuleViolation("safeId", "carrier.place.safeOfOtherUnit"));
            return new Place(safeId, null);
        }
        if (place == null || place.isBlank()) {
            throw new BusinessRuleViolation("place", "carrier.place.required");
        }
        return new Place(null, place.strip());
    }
}
