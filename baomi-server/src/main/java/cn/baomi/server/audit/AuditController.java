package cn.baomi.server.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.Downloads;

/**
 * The audit view (审计日志): the filtered trail, newest first, 50 a page; the chain check; CSV export.
 * htmx requests get only the part of the page they replace.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    private static final String HTMX = "HX-Request";
    private static final String HTMX_RESTORE = "HX-History-Restore-Request";
    private final AuditReview review;

    AuditController(AuditReview review) {
        this.review = review;
    }

    @GetMapping
    String trail(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult errors,
                 @RequestParam(defaultValue = "1") int page,
                 @RequestHeader(value = HTMX, required = false) String htmx,
                 @RequestHeader(value = HTMX_RESTORE, required = false) String restore, Model model) {
        List<String> invalidFields = errors.getFieldErrors().stream().map(FieldError::getField).distinct().toList();
        if (invalidFields.isEmpty()) {
            model.addAttribute("page", review.review(filter, page));
        } else {
            model.addAttribute("filter", AuditFilter.NONE);
        }
        model.addAttribute("invalidFields", invalidFields);
        model.addAttribute("auditorOnly", !CurrentUser.require().has(Role.SECURITY_AUDITOR));
        model.addAttribute("outcomes", AuditRecord.Outcome.values());
        return htmx != null && restore == null ? "audit/trail :: results" : "audit/trail";
    }

    @PostMapping("/verify")
    String verify(@RequestHeader(value = HTMX, required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        AuditVerifier.Verification result = review.verify();
        if (htmx != null) {
            model.addAttribute("verification", result);
            return "audit/trail :: verification";
        }
        redirect.addFlashAttribute("verification", result);
        return "redirect:/audit";
    }

    @GetMapping("/export")
    void export(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult errors,
                HttpServletResponse response) throws IOException {
        if (errors.hasErrors()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Downloads.start(response, "text/csv;charset=UTF-8", Downloads.dated("审计日志", ".csv"));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter writer = response.getWriter();
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        review.export(filter, csv::row);
        writer.flush();
    }
}
