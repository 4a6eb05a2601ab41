package cn.baomi.server.organization;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * The generation of the organisation's data that is kept in memory: the unit tree ({@link UnitTreeCache}) and the
 * persons other modules look up ({@link PersonLookup}). It moves on whenever units, departments, positions or
 * persons are written through their repositories, and on {@link UnitsChanged} (which a fixture writing units
 * behind them publishes).
 */
@Component
class OrganizationChanges {

    private final ChangeGeneration generation = new ChangeGeneration();

    ChangeGeneration generation() {
        return generation;
    }

    /** Called by the repositories right after they write. */
    void changed() {
        generation.changed();
    }

    @EventListener
    void unitsChanged(UnitsChanged event) {
        generation.changed();
    }
}
