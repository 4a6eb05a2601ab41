package cn.baomi.server.incident;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /incidents}: the secrecy office's incident register and one incident. */
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
        model.addAttribute("units", incidents.unitNames(List.of(incident.unitId())));
        model.addAttribute("names", incidents.names(Stream.of(incident.reporterPersonId(), incident.lastCustodianId())
                .toList()));
        return "incident/detail";
    }
}
