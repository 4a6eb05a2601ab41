package cn.baomi.server.incident;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/** {@code /incidents}: the incident register and one incident, for the secrecy office and (read-only) the supervisor. */
@Controller
@RequestMapping("/incidents")
class IncidentPages {

    private final IncidentService incidents;

    IncidentPages(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    String list(Model model) {
        List<Incident> found = incidents.list();
        model.addAttribute("incidents", found);
        model.addAttribute("units", incidents.unitNames(found.stream().map(Incident::unitId).toList()));
        return "incident/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Incident incident = incidents.view(id);
        model.addAttribute("incident", incident);
        // the supervisor reads the incident but not the ledger: the carrier and inventory are named, not linked
        model.addAttribute("ledgerLinks", CurrentUser.require().has(Role.SECRECY_OFFICER));
        model.addAttribute("units", incidents.unitNames(List.of(incident.unitId())));
        model.addAttribute("names", incidents.names(Stream.of(incident.reporterPersonId(), incident.lastCustodianId())
                .toList()));
        return "incident/detail";
    }
}
