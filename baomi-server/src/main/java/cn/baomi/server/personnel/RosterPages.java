package cn.baomi.server.personnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.Downloads;

/** The roster page with its filters and counts, its Excel export, and downloads of scanned copies. */
@Controller
@RequestMapping("/personnel")
class RosterPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final Roster roster;
    private final RosterExcel excel;
    private final SecrecyFiles files;

    RosterPages(Roster roster, RosterExcel excel, SecrecyFiles files) {
        this.roster = roster;
        this.excel = excel;
        this.files = files;
    }

    @GetMapping
    String roster(@RequestParam(required = false) ClearanceLevel level, @RequestParam(required = false) Long unitId,
                  @RequestParam(required = false) Long departmentId, @RequestParam(required = false) RosterStatus status,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUser.require();
        if (!roster.seesRoster(user)) {
            return "redirect:/personnel/me";
        }
        RosterQuery query = new RosterQuery(level, unitId, departmentId, status, q);
        RosterPage<PersonStatus> result = roster.page(query, page, RosterPage.PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items());
        model.addAttribute("counts", roster.counts(user));
        model.addAttribute("filter", query);
        model.addAttribute("levels", new ClearanceLevel[] {ClearanceLevel.CORE, ClearanceLevel.IMPORTANT,
                ClearanceLevel.GENERAL});
        model.addAttribute("statuses", RosterStatus.values());
        model.addAttribute("units", roster.unitNames(user));
        model.addAttribute("departments", roster.departmentNames(user));
        return "personnel/roster";
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) ClearanceLevel level, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) Long departmentId, @RequestParam(required = false) RosterStatus status,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        export(roster, excel, new RosterQuery(level, unitId, departmentId, status, q), response);
    }

    /**
     * The .xlsx of every filtered row, written to the response (shared with the API). Refused (403, audited) to
     * someone who does not see the roster, rather than an empty file with only its headers.
     */
    static void export(Roster roster, RosterExcel excel, RosterQuery query, HttpServletResponse response)
            throws IOException {
        if (!roster.seesRoster(CurrentUser.require())) {
            throw new AccessDeniedException("the roster is not theirs to see");
        }
        Downloads.start(response, XLSX, Downloads.dated("涉密人员名册", ".xlsx"));
        excel.write(LocaleContextHolder.getLocale(), response.getOutputStream(), rows -> roster.export(query, rows));
    }

    @GetMapping("/{personId}/scans/{scanId}")
    ResponseEntity<byte[]> scan(@PathVariable long personId, @PathVariable long scanId) {
        return download(files.scan(personId, scanId));
    }

    static ResponseEntity<byte[]> download(Scan scan) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(scan.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(scan.content());
    }
}
