package cn.baomi.server.personnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.web.EnteredValues;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * The secrecy file pages: the file with its checklist, schedule and records, the forms the secrecy office adds
 * records with, the timeline, and the printable commitment form. A broken rule comes back as a message on the file.
 */
@Controller
@RequestMapping("/personnel")
class SecrecyFilePages {

    private final SecrecyFiles files;
    private final FileRecords records;
    private final LevelService levels;
    private final MessageSource messages;
    private final CommitmentFormPdf pdf;

    SecrecyFilePages(SecrecyFiles files, FileRecords records, LevelService levels, MessageSource messages,
                     CommitmentFormPdf pdf) {
        this.pdf = pdf;
        this.files = files;
        this.records = records;
        this.levels = levels;
        this.messages = messages;
    }

    @GetMapping("/me")
    String mine() {
        return "redirect:/personnel/" + files.myPersonId();
    }

    @GetMapping("/{personId}")
    String file(@PathVariable long personId, Model model) {
        model.addAttribute("file", files.view(personId));
        model.addAttribute("clearances", ClearanceLevel.values());
        model.addAttribute("reviewKinds", ReviewKind.values());
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("commitmentKinds", CommitmentKind.values());
        model.addAttribute("trainingKinds", TrainingKind.values());
        model.addAttribute("matterCategories", MatterCategory.values());
        return "personnel/file";
    }

    @GetMapping("/{personId}/timeline")
    String timeline(@PathVariable long personId, Model model) {
        model.addAttribute("status", files.statusFor(personId));
        model.addAttribute("entries", files.timeline(personId));
        return "personnel/timeline";
    }

    @PostMapping("/{personId}/levels")
    String requestLevel(@PathVariable long personId, @ModelAttribute LevelForm form, RedirectAttributes redirect) {
        return apply(personId, "levels", redirect, "personnel.notice.levelRequested",
                () -> levels.request(personId, form));
    }

    @PostMapping("/{personId}/levels/{changeId}/withdraw")
    String withdrawLevel(@PathVariable long personId, @PathVariable long changeId, RedirectAttributes redirect) {
        return apply(personId, "levels", redirect, "personnel.notice.levelWithdrawn",
                () -> levels.withdraw(personId, changeId));
    }

    /** A review, commitment, training, talk or matter recorded on the file, by the plural in its path. */
    @PostMapping("/{personId}/{kind:reviews|commitments|trainings|talks|matters}")
    String record(@PathVariable long personId, @PathVariable String kind, @ModelAttribute RecordForm form,
                  RedirectAttributes redirect) {
        BiConsumer<Long, RecordForm> recorder = switch (kind) {
            case "reviews" -> records::recordReview;
            case "commitments" -> records::recordCommitment;
            case "trainings" -> records::recordTraining;
            case "talks" -> records::recordTalk;
            default -> records::recordMatter; // "matters": the path admits no other kind
        };
        return apply(personId, kind, redirect, "personnel.notice.recorded", () -> recorder.accept(personId, form));
    }

    /** A printable commitment form for the person to sign (打印后签字，扫描件再上传). */
    @GetMapping("/{personId}/commitment-form")
    String commitmentForm(@PathVariable long personId, @RequestParam(defaultValue = "PRE_POST") CommitmentKind kind,
                          Model model) {
        model.addAttribute("status", files.printForm(personId, kind));
        model.addAttribute("kind", kind);
        model.addAttribute("today", java.time.LocalDate.now());
        return "personnel/commitment-form";
    }

    /** The same form as a PDF with the embedded Chinese font. */
    @GetMapping("/{personId}/commitment-form.pdf")
    void commitmentFormPdf(@PathVariable long personId, @RequestParam(defaultValue = "PRE_POST") CommitmentKind kind,
                           HttpServletResponse response) throws IOException {
        PersonStatus status = files.printForm(personId, kind);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename("保密承诺书-" + kind + ".pdf", StandardCharsets.UTF_8).build().toString());
        pdf.write(status, kind, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    /**
     * Runs one of the file's forms ({@code section}: levels, reviews, commitments …). A refusal comes back naming the
     * form and the field, shown at that form with what was typed (shared.web.EnteredValues), since six forms on the
     * page have a date.
     */
    private String apply(long personId, String section, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            String form = messages.getMessage("personnel." + section + ".title", null, section,
                    LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("problem", form + " · " + e.labelledText(messages, "personnel.field."));
            redirect.addFlashAttribute("enteredForm", section);
            EnteredValues.keep(redirect);
        }
        return "redirect:/personnel/" + personId;
    }
}
