package cn.baomi.server.carrier;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
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
import cn.baomi.server.shared.web.Downloads;

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
        Downloads.start(response, XLSX, TEMPLATE_NAME);
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
                download(response, XLSX, ledgerName(".xlsx")));
    }

    @GetMapping("/ledger.pdf")
    void print(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
               @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
               @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        files.printLedger(LedgerQuery.of(level, type, status, custodianId, q, 0, null),
                download(response, PDF, ledgerName(".pdf")));
    }

    @GetMapping("/destruction/{id}/print.pdf")
    void printDestruction(@PathVariable long id, HttpServletResponse response) throws IOException {
        files.printDestructionList(id, download(response, PDF, "涉密载体销毁清单-" + id + ".pdf"));
    }

    @GetMapping("/{id}/labels.pdf")
    void labels(@PathVariable long id, HttpServletResponse response) throws IOException {
        files.printLabels(id, null, download(response, PDF, labelsName(id)));
    }

    /** Labels of the copies ticked on the ledger list (its "打印所选标签" button); none ticked goes back with a message. */
    @GetMapping("/labels.pdf")
    void selectedLabels(@RequestParam(required = false) List<Long> copyIds, HttpServletResponse response)
            throws IOException {
        files.printLabels(null, copyIds, download(response, PDF, labelsName(null)));
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
            Downloads.start(response, type, name);
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** The names of the ledger's files, the same from the pages and the API. */
    static final String TEMPLATE_NAME = "涉密载体台账导入模板.xlsx";

    static String ledgerName(String suffix) {
        return Downloads.dated("涉密载体台账", suffix);
    }

    /** The labels of one carrier, or (null) of the copies ticked on a page. */
    static String labelsName(Long carrierId) {
        return carrierId == null ? Downloads.dated("载体标签", ".pdf") : "载体标签-" + carrierId + ".pdf";
    }
}
