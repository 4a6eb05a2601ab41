package cn.baomi.server.incident;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/incidents}, for the secrecy office: the incidents of its units (newest first, at most 500) and one. */
@RestController
@RequestMapping("/api/incidents")
class IncidentApi {

    private final IncidentService incidents;

    IncidentApi(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    List<Incident> list() {
        return incidents.list();
    }

    @GetMapping("/{id}")
    Incident get(@PathVariable long id) {
        return incidents.view(id);
    }
}
