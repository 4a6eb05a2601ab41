package cn.baomi.server.organization;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * The generation of the organisation's data that is kept in memory: the unit tree ({@link UnitTreeCache}) and the
 * persons other modules look up ({@link PersonLookup}). The repositories of units, departments, positions and
 * persons call {@link #changed()} right after they write; a fixture that writes units or persons behind them
 * publishes {@link UnitsChanged} or {@link PersonsChanged}.
 */
@Component
class OrganizationChanges extends ChangeGeneration {

    @EventListener
    void unitsChanged(UnitsChanged event) {
        changed();
    }

    @EventListener
    void personsChanged(PersonsChanged event) {
        changed();
    }
}
