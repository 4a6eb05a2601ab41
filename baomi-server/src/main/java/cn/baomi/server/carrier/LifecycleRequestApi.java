package cn.baomi.server.carrier;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carry-out and excerpt/compilation requests of a carrier and their states (asked for through
 * {@code POST /api/carriers/{id}/events}): all of them for its secrecy office, else the caller's own; 404 when the
 * caller may see no copy of the carrier.
 */
@RestController
@RequestMapping("/api/carriers/{id}")
class LifecycleRequestApi {

    private final CarryOutService carryOuts;
    private final CompilationService compilations;

    LifecycleRequestApi(CarryOutService carryOuts, CompilationService compilations) {
        this.carryOuts = carryOuts;
        this.compilations = compilations;
    }

    @GetMapping("/carry-out-requests")
    List<CarryOutRequest> carryOuts(@PathVariable long id) {
        return carryOuts.requestsOf(id);
    }

    @GetMapping("/compilation-requests")
    List<CompilationRequest> compilations(@PathVariable long id) {
        return compilations.requestsOf(id);
    }
}
