package cn.baomi.server.personnel.exit;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.baomi.server.carrier.CarrierHoldings.HeldCopy;
import cn.baomi.server.shared.ClearanceLevel;

/** {@code /api/personnel/exits}: exits (离岗离职), their completion and cool-off, and resignation requests. */
@RestController
@RequestMapping("/api/personnel/exits")
class ExitApi {

    record ExitJson(long id, long personId, String personName, long unitId, ClearanceLevel level, String reason,
                    LocalDate leaveDate, Exit.State state, Instant openedAt, Instant completedAt,
                    boolean commitmentSigned, LocalDate coolOffStart, LocalDate coolOffEnd, String entrustedTo,
                    LocalDate entrustedOn, Instant coolOffClosedAt, List<HeldCopy> held) {

        static ExitJson of(ExitService.ExitView v) {
            Exit e = v.exit();
            return new ExitJson(e.id(), e.personId(), v.personName(), e.unitId(), e.clearance(), e.reason(),
                    e.leaveDate(), e.state(), e.openedAt(), e.completedAt(), v.commitmentSigned(), e.coolOffStart(),
                    e.coolOffEnd(), e.entrustedTo(), e.entrustedOn(), e.coolOffClosedAt(), v.held());
        }
    }

    record SummaryJson(long id, long personId, ClearanceLevel level, LocalDate leaveDate, Exit.State state,
                       LocalDate coolOffEnd) {
    }

    record Entrustment(String entrustedTo, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate entrustedOn) {
    }

    record ResignationForm(Long personId, LocalDate filedOn, String note) {
    }

    record Opinion(String opinion) {
    }

    private final ExitService exits;
    private final ResignationService resignations;

    ExitApi(ExitService exits, ResignationService resignations) {
        this.exits = exits;
        this.resignations = resignations;
    }

    @GetMapping
    List<SummaryJson> list() {
        return exits.list().stream().map(e -> new SummaryJson(e.id(), e.personId(), e.clearance(), e.leaveDate(),
                e.state(), e.coolOffEnd())).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> open(@RequestBody ExitForm form) {
        long id = exits.open(form);
        return ResponseEntity.created(URI.create("/api/personnel/exits/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    ExitJson get(@PathVariable long id) {
        return ExitJson.of(exits.view(id));
    }

    @PostMapping("/{id}/commitment")
    ResponseEntity<Void> commitment(@PathVariable long id,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                                    @RequestParam MultipartFile scan) throws IOException {
        exits.recordCommitment(id, signedOn, scan.getBytes(), scan.getOriginalFilename());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/completion")
    ResponseEntity<Void> complete(@PathVariable long id) {
        exits.complete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/entrustment")
    ResponseEntity<Void> entrust(@PathVariable long id, @RequestBody Entrustment body) {
        exits.entrust(id, body.entrustedTo(), body.entrustedOn());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/cool-off-closure")
    ResponseEntity<Void> closeCoolOff(@PathVariable long id) {
        exits.closeCoolOff(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/resignations")
    ResponseEntity<Map<String, Long>> fileResignation(@RequestBody ResignationForm form) {
        long id = resignations.file(form.personId(), form.filedOn(), form.note());
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @PostMapping("/resignations/{id}/approval")
    ResponseEntity<Void> approveResignation(@PathVariable long id, @RequestBody(required = false) Opinion body) {
        resignations.approve(id, body == null ? null : body.opinion());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/resignations/{id}/refusal")
    ResponseEntity<Void> refuseResignation(@PathVariable long id, @RequestBody Opinion body) {
        resignations.refuse(id, body.opinion());
        return ResponseEntity.noContent().build();
    }
}
