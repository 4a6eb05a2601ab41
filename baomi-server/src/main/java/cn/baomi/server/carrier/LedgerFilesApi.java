package cn.baomi.server.carrier;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.baomi.server.shared.web.Downloads;

/**
 * The ledger's files in the API: {@code POST /api/carriers/import} (multipart {@code file}) answers the report — or,
 * when refused, a 422 problem whose {@code errors} hold every bad row and cell —, the template, the .xlsx export and
 * the PDF print of the filtered list (the filters of {@code GET /api/carriers}), and labels of a carrier's copies.
 */
@RestController
@RequestMapping("/api/carriers")
class LedgerFilesApi {

    private final LedgerImport imports;
    private final LedgerFiles files;
    private final MessageSource messages;

    LedgerFilesApi(LedgerImport imports, LedgerFiles files, MessageSource messages) {
        this.imports = imports;
        this.files = files;
        this.messages = messages;
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LedgerImport.Report importLedger(@RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        return imports.importLedger(file == null ? null : file.getBytes());
    }

    @GetMapping("/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        byte[] template = imports.template();
        Downloads.start(response, LedgerFilePages.XLSX, LedgerFilePages.TEMPLATE_NAME);
        response.getOutputStream().write(template);
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
                @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        files.exportXlsx(LedgerQuery.of(level, type, status, custodianId, q, 0, null),
                LedgerFilePages.download(response, LedgerFilePages.XLSX, LedgerFilePages.ledgerName(".xlsx")));
    }

    @GetMapping("/ledger.pdf")
    void print(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
               @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
               @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        files.printLedger(LedgerQuery.of(level, type, status, custodianId, q, 0, null),
                LedgerFilePages.download(response, LedgerFilePages.PDF, LedgerFilePages.ledgerName(".pdf")));
    }

    @GetMapping("/{id}/labels.pdf")
    void labels(@PathVariable long id, HttpServletResponse response) throws IOException {
        files.printLabels(id, null,
                LedgerFilePages.download(response, LedgerFilePages.PDF, LedgerFilePages.labelsName(id)));
    }

    @GetMapping("/labels.pdf")
    void selectedLabels(@RequestParam(required = false) List<Long> copyIds, HttpServletResponse response)
            throws IOException {
        files.printLabels(null, copyIds,
                LedgerFilePages.download(response, LedgerFilePages.PDF, LedgerFilePages.labelsName(null)));
    }

    /** A refused import: 422 with every problem as {@code errors: [{row, column, value, message, allowed}]}. */
    @ExceptionHandler(LedgerImport.Refused.class)
    ProblemDetail refused(LedgerImport.Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("urn:baomi:problem:import-refused"));
        problem.setTitle(messages.getMessage("problem.rule", null, LocaleContextHolder.getLocale()));
        problem.setDetail(messages.getMessage(refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale()));
        problem.setProperty("rows", refused.report().rows());
        problem.setProperty("errors", refused.report().problems());
        return problem;
    }
}
