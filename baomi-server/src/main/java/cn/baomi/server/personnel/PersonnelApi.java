package cn.baomi.server.personnel;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;

/**
 * {@code /api/personnel}: the roster and its counts, a person's secrecy file and timeline, scanned copies, and the
 * additions the secrecy office makes. Reviews and commitments take {@code multipart/form-data} (with an optional
 * {@code scan} file); the other additions take JSON. Same access and audit as the pages.
 */
@RestController
@RequestMapping("/api/personnel")
class PersonnelApi {

    record RosterRow(long personId, String name, String unitName, String departmentName, ClearanceLevel level,
                     String employmentType, boolean cleared, PostChecklist checklist, LocalDate lastReview,
                     LocalDate reviewDue, boolean reviewOverdue, boolean reviewDueSoon, LocalDate lastCommitment,
                     boolean commitmentOutOfDate, BigDecimal hoursThisYear, LocalDate postChangedOn) {

        static RosterRow of(PersonStatus s) {
            return new RosterRow(s.person().id(), s.person().name(), s.unitName(), s.departmentName(),
                    s.person().clearance(), s.person().employmentType().name(), s.cleared(), s.checklist(),
                    s.lastReview(), s.reviewDue(), s.reviewOverdue(), s.reviewDueSoon(), s.lastCommitment(),
                    s.commitmentOutOfDate(), s.hoursThisYear(), s.postChangedOn());
        }
    }

    record FileJson(RosterRow person, List<LevelChange> levels, List<Review> reviews, List<Commitment> commitments,
                    List<Training> trainings, List<FileNote> talks, List<FileNote> matters) {
    }

    record TimelineJson(LocalDate date, String type, String text) {
    }

    record RecordJson(String kind, LocalDate date, String reviewer, ReviewOutcome outcome, String text, String topic,
                      BigDecimal hours, Boolean testPassed, String counterpart, MatterCategory category) {

        RecordForm form() {
            RecordForm form = new RecordForm();
            form.setKind(kind);
            form.setDate(date);
            form.setReviewer(reviewer);
            form.setOutcome(outcome);
            form.setText(text);
            form.setTopic(topic);
            form.setHours(hours);
            form.setTestPassed(testPassed);
            form.setCounterpart(counterpart);
            form.setCategory(category);
            return form;
        }
    }

    private final Roster roster;
    private final SecrecyFiles files;
    private final FileRecords records;
    private final LevelService levels;
    private final MessageSource messages;
    private final CommitmentFormPdf pdf;
    private final RosterExcel excel;

    PersonnelApi(Roster roster, SecrecyFiles files, FileRecords records, LevelService levels, MessageSource messages,
                 CommitmentFormPdf pdf, RosterExcel excel) {
        this.pdf = pdf;
        this.excel = excel;
        this.roster = roster;
        this.files = files;
        this.records = records;
        this.levels = levels;
        this.messages = messages;
    }

    /** One page of the roster ({@code page} from 0, {@code size} 1–100, default 20) and the number of all matches. */
    @GetMapping
    RosterPage<RosterRow> roster(@RequestParam(required = false) ClearanceLevel level,
                                 @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long departmentId,
                                 @RequestParam(required = false) RosterStatus status, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return roster.page(new RosterQuery(level, unitId, departmentId, status, q), page, size).map(RosterRow::of);
    }

    /** The roster with the same filters as an .xlsx file, every matching row; audited as an export. */
    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) ClearanceLevel level, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) Long departmentId, @RequestParam(required = false) RosterStatus status,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        RosterPages.export(roster, excel, new RosterQuery(level, unitId, departmentId, status, q), response);
    }

    @GetMapping("/counts")
    RosterCounts counts() {
        return roster.counts(CurrentUser.require());
    }

    @GetMapping("/{personId}")
    FileJson file(@PathVariable long personId) {
        SecrecyFile f = files.view(personId);
        return new FileJson(RosterRow.of(f.status()), f.levels(), f.reviews(), f.commitments(), f.trainings(),
                f.talks(), f.matters());
    }

    @GetMapping("/{personId}/timeline")
    List<TimelineJson> timeline(@PathVariable long personId) {
        return files.timeline(personId).stream().map(e -> new TimelineJson(e.date(), e.type(),
                messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(),
                        LocaleContextHolder.getLocale()))).toList();
    }

    @GetMapping("/{personId}/scans/{scanId}")
    ResponseEntity<byte[]> scan(@PathVariable long personId, @PathVariable long scanId) {
        return RosterPages.download(files.scan(personId, scanId));
    }

    @GetMapping(path = "/{personId}/commitment-form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> commitmentForm(@PathVariable long personId,
                                          @RequestParam(defaultValue = "PRE_POST") CommitmentKind kind) {
        PersonStatus status = files.printForm(personId, kind);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pdf.write(status, kind, LocaleContextHolder.getLocale(), out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(out.toByteArray());
    }

    @PostMapping("/{personId}/level-changes")
    ResponseEntity<Map<String, Long>> requestLevel(@PathVariable long personId, @RequestBody LevelForm form) {
        return created(personId, "level-changes", levels.request(personId, form));
    }

    @PostMapping("/{personId}/level-changes/{changeId}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long personId, @PathVariable long changeId) {
        levels.withdraw(personId, changeId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{personId}/reviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Long>> review(@PathVariable long personId, @ModelAttribute RecordForm form) {
        return created(personId, "reviews", records.recordReview(personId, form));
    }

    @PostMapping(path = "/{personId}/commitments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Long>> commitment(@PathVariable long personId, @ModelAttribute RecordForm form) {
        return created(personId, "commitments", records.recordCommitment(personId, form));
    }

    @PostMapping("/{personId}/trainings")
    ResponseEntity<Map<String, Long>> training(@PathVariable long personId, @RequestBody RecordJson body) {
        return created(personId, "trainings", records.recordTraining(personId, body.form()));
    }

    @PostMapping("/{personId}/talks")
    ResponseEntity<Map<String, Long>> talk(@PathVariable long personId, @RequestBody RecordJson body) {
        return created(personId, "talks", records.recordTalk(personId, body.form()));
    }

    @PostMapping("/{personId}/matters")
    ResponseEntity<Map<String, Long>> matter(@PathVariable long personId, @RequestBody RecordJson body) {
        return created(personId, "matters", records.recordMatter(personId, body.form()));
    }

    private static ResponseEntity<Map<String, Long>> created(long personId, String what, long id) {
        return ResponseEntity.created(URI.create("/api/personnel/" + personId + "#" + what + "-" + id))
                .body(Map.of("id", id));
    }
}
