package cn.baomi.server.carrier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * The ledger's files in the pages: the import page (template, upload, report), the .xlsx export and PDF print of
 * the filtered list, the printed destruction list and copy labels. A refused file goes back to the page it came from
 * with the reason.
 */
@Controller
@RequestMapping("/carriers")
class LedgerFilePages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private final LedgerImport imports;
    private final LedgerFiles files;
    private final CarrierAccess access;
    private final MessageSource messages;

    LedgerFilePages(LedgerImport imports, LedgerFiles files, CarrierAccess access, MessageSource messages) {
        this.imports = imports;
        this.files = files;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/import")
    String importPage() {
        access.requireKeeper(CurrentUser.require());
        return "carrier/import";
    }

    @GetMapping("/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        byte[] template = imports.template();
        start(response, XLSX, "涉密载体台账导入模板.xlsx");
        response.getOutputStream().write(template);
    }

    @PostMapping("/import")
    String importLedger(@RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            model.addAttribute("report", imports.importLedger(file == null ? null : file.getBytes()));
        } catch (LedgerImport.Refused refused) {
            model.addAttribute("report", refused.report());
        }
        return "carrier/import";
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
                @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        files.exportXlsx(LedgerQuery.of(level, type, status, custodianId, q, 0, null),
                download(response, XLSX, dated("涉密载体台账", ".xlsx")));
    }

    @GetMapping("/ledger.pdf")
    void print(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
               @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
               @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        files.printLedger(LedgerQuery.of(level, type, status, custodianId, q, 0, null),
                download(response, PDF, dated("涉密载体台账", ".pdf")));
    }

    @GetMapping("/destruction/{id}/print.pdf")
    void printDestruction(@PathVariable long id, HttpServletResponse response) throws IOException {
        files.printDestructionList(id, download(response, PDF, "涉密载体销毁清单-" + id + ".pdf"));
    }

    @GetMapping("/{id}/labels.pdf")
    void labels(@PathVariable long id, HttpServletResponse response) throws IOException {
        files.printLabels(id, null, download(response, PDF, "载体标签-" + id + ".pdf"));
    }

    /** Labels of the copies ticked on the ledger list (its "打印所选标签" button); none ticked goes back with a message. */
    @GetMapping("/labels.pdf")
    void selectedLabels(@RequestParam(required = false) List<Long> copyIds, HttpServletResponse response)
            throws IOException {
        files.printLabels(null, copyIds, download(response, PDF, dated("载体标签", ".pdf")));
    }

    /** A file that cannot be made (too many rows, no font) goes back to the list with the reason. */
    @org.springframework.web.bind.annotation.ExceptionHandler(BusinessRuleViolation.class)
    String refused(BusinessRuleViolation e, HttpServletRequest request, HttpServletResponse response) {
        RequestContextUtils.getOutputFlashMap(request).put("problem", e.text(messages));
        RequestContextUtils.saveOutputFlashMap("/carriers", request, response);
        return "redirect:/carriers";
    }

    /** The body of a download, asked for by the service once access and limits are checked. */
    static java.util.function.Supplier<java.io.OutputStream> download(HttpServletResponse response, String type,
                                                                      String name) {
        return () -> {
            start(response, type, name);
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** A file name that says what the file is and the day it was made, as the personnel roster's does. */
    static String dated(String what, String suffix) {
        return what + "-" + LocalDate.now() + suffix;
    }

    static void start(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
