package cn.baomi.server.carrier;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.excel.XlsxWriter;
import cn.baomi.server.shared.print.PdfSheet;
import cn.baomi.server.shared.print.PrintFonts;

/**
 * The ledger as files: a filtered list exported to .xlsx or printed as PDF (only the rows the viewer may see, through
 * the list's own query and {@link Viewer}), the printed destruction list with signature lines, and sheets of QR
 * labels for copies. Every export and print is audited — with the filter, never a title or the search text. The
 * output is asked for only once access and limits are checked, so that a refusal can still be answered as an error.
 */
@Service
class LedgerFiles {

    static final int MAX_EXPORT_ROWS = 100_000;
    static final int MAX_PRINT_ROWS = 5_000;
    static final int MAX_LABELS = 1_000;

    private final Ledger ledger;
    private final Copies copies;
    private final Carriers carriers;
    private final CarrierAccess access;
    private final DestructionService destruction;
    private final PrintFonts fonts;
    private final MessageSource messages;
    private final AuditTrail audit;

    LedgerFiles(Ledger ledger, Copies copies, Carriers carriers, CarrierAccess access, DestructionService destruction,
                PrintFonts fonts, MessageSource messages, AuditTrail audit) {
        this.ledger = ledger;
        this.copies = copies;
        this.carriers = carriers;
        this.access = access;
        this.destruction = destruction;
        this.fonts = fonts;
        this.messages = messages;
        this.audit = audit;
    }

    /** The filtered list as .xlsx, written to {@code out}. */
    @Transactional
    void exportXlsx(LedgerQuery filter, Supplier<OutputStream> out) {
        Viewer viewer = access.viewer(CurrentUser.require());
        long total = count(filter, viewer, MAX_EXPORT_ROWS);
        audit.record(AuditRecord.success("CARRIER_EXPORTED", "carrier", null)
                .withDetail("xlsx rows=" + total + " " + describe(filter)));
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(text("carrier.ledger.title"), headers(true), false);
            each(filter, viewer, (e, names) -> xlsx.row(e.copy().ledgerNumber(), e.title(), e.documentNumber(),
                    text("carrier.level." + e.level()), text("carrier.type." + e.type()), copyNumber(e.copy()),
                    names.get(e.copy().custodianId()), place(e.copy()), text("carrier.status." + e.copy().status()),
                    names.get(e.copy().pendingCustodianId()), names.get(e.copy().borrowerId()), e.copy().dueDate()));
            xlsx.writeTo(out.get());
        }
    }

    /** The filtered list as a printable PDF (landscape A4). */
    @Transactional
    void printLedger(LedgerQuery filter, Supplier<OutputStream> out) {
        Viewer viewer = access.viewer(CurrentUser.require());
        long total = count(filter, viewer, MAX_PRINT_ROWS);
        try (PdfSheet pdf = PdfSheet.open(fonts, true, text("carrier.ledger.title"))) {
            audit.record(AuditRecord.success("CARRIER_PRINTED", "carrier", null)
                    .withDetail("pdf rows=" + total + " " + describe(filter)));
            pdf.title(text("carrier.ledger.title"));
            pdf.line(text("carrier.print.printed", LocalDate.now(), CurrentUser.require().displayName(), total));
            List<List<String>> rows = new ArrayList<>();
            each(filter, viewer, (e, names) -> rows.add(List.of(e.copy().ledgerNumber(), e.title(),
                    e.documentNumber() == null ? "" : e.documentNumber(), text("carrier.level." + e.level()),
                    copyNumber(e.copy()), orEmpty(names.get(e.copy().custodianId())), place(e.copy()),
                    text("carrier.status." + e.copy().status()))));
            pdf.table(new float[] {3.6f, 5.6f, 3, 1.1f, 1.4f, 1.6f, 2.3f, 1.4f}, headers(false), rows);
            pdf.writeTo(out.get());
        }
    }

    /** A destruction list as the form that goes with the carriers to the destruction body, with signature lines. */
    @Transactional
    void printDestructionList(long listId, Supplier<OutputStream> out) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        DestructionList list = destruction.list(listId);
        Viewer viewer = access.viewer(user);
        try (PdfSheet pdf = PdfSheet.open(fonts, false, text("carrier.destruction.list"))) {
            audit.record(AuditRecord.success("DESTRUCTION_PRINTED", "destructionList", listId));
            pdf.title(text("carrier.print.destructionTitle", listId));
            pdf.line(text("carrier.destruction.state." + list.state()) + "　" + text("carrier.destruction.reasonLabel")
                    + "：" + list.reason());
            if (list.certificateNumber() != null) {
                pdf.line(text("carrier.destruction.body") + "：" + list.body() + "　"
                        + text("carrier.destruction.certificate") + "：" + list.certificateNumber() + "（"
                        + list.certificateDate() + "）");
            }
            List<Copy> listed = new ArrayList<>();
            list.copyIds().forEach(id -> copies.findVisible(id, viewer).ifPresent(listed::add));
            Map<Long, String> names = access.names(listed.stream().map(Copy::custodianId).toList());
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (Copy c : listed) {
                Carrier carrier = carriers.find(c.carrierId()).orElseThrow();
                rows.add(List.of(String.valueOf(++n), c.ledgerNumber(), carrier.title(),
                        carrier.documentNumber() == null ? "" : carrier.documentNumber(),
                        text("carrier.level." + carrier.level()), copyNumber(c), orEmpty(names.get(c.custodianId()))));
            }
            pdf.table(new float[] {0.7f, 4.2f, 4.6f, 2.6f, 1.1f, 1.4f, 1.4f}, List.of(text("carrier.print.number"),
                    text("carrier.ledgerNumber"), text("carrier.title"), text("carrier.documentNumber"),
                    text("carrier.level"), text("carrier.copyNumber"), text("carrier.custodian")), rows);
            pdf.line(text("carrier.print.total", listed.size()));
            pdf.signatures(List.of(text("carrier.print.handedOverBy"), text("carrier.destruction.destroyer"),
                    text("carrier.destruction.witness")));
            pdf.writeTo(out.get());
        }
    }

    /**
     * Labels for copies (the secrecy office only): one per copy with its QR code — whose text is the ledger number,
     * so that a scanner types it — the ledger number, copy number and level; never the title. Copies of a carrier
     * ({@code carrierId}) or a selection ({@code copyIds}); what the office does not keep is left out.
     */
    @Transactional
    void printLabels(Long carrierId, List<Long> copyIds, Supplier<OutputStream> out) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        if (carrierId == null && (copyIds == null || copyIds.stream().allMatch(java.util.Objects::isNull))) {
            throw new BusinessRuleViolation("copyIds", "carrier.print.labels.noneSelected");
        }
        Viewer viewer = access.viewer(user);
        List<Copy> selected = new ArrayList<>();
        if (carrierId != null) {
            selected.addAll(copies.visibleOf(carrierId, viewer));
        }
        if (copyIds != null) {
            copyIds.stream().filter(java.util.Objects::nonNull).distinct().limit(MAX_LABELS + 1L)
                    .forEach(id -> copies.findVisible(id, viewer).ifPresent(selected::add));
        }
        selected.removeIf(c -> !viewer.keeps(c.unitId()) || c.status().closed());
        if (selected.isEmpty()) {
            throw new NotFound("copy", carrierId == null ? 0 : carrierId);
        }
        if (selected.size() > MAX_LABELS) {
            throw new BusinessRuleViolation("copyIds", "carrier.print.tooManyLabels", MAX_LABELS);
        }
        try (PdfSheet pdf = PdfSheet.open(fonts, false, text("carrier.print.labels"))) {
            audit.record(AuditRecord.success("LABELS_PRINTED", "carrierCopy", null)
                    .withDetail("copies=" + selected.stream().map(Copy::id).toList()));
            Labels.print(pdf, selected.stream().map(c -> new Labels.Label(c.ledgerNumber(), copyNumber(c),
                    text("carrier.level." + carriers.find(c.carrierId()).orElseThrow().level()))).toList(),
                    text("carrier.copyNumber"));
            pdf.writeTo(out.get());
        }
    }

    private long count(LedgerQuery filter, Viewer viewer, int max) {
        long total = ledger.searchCountingAll(page(filter, 0, 1), viewer).total();
        if (total > max) {
            throw new BusinessRuleViolation(null, "carrier.export.tooMany", total, max);
        }
        return total;
    }

    /** Hands every visible row to {@code sink}, a page at a time, with the names of the persons on that page. */
    private void each(LedgerQuery filter, Viewer viewer, java.util.function.BiConsumer<LedgerEntry, Map<Long, String>> sink) {
        int page = 0;
        LedgerPage<LedgerEntry> found;
        do {
            found = ledger.searchCountingAll(page(filter, page++, LedgerQuery.MAX_SIZE), viewer);
            List<Long> people = new ArrayList<>();
            found.items().forEach(e -> people.addAll(java.util.Arrays.asList(e.copy().custodianId(),
                    e.copy().pendingCustodianId(), e.copy().borrowerId())));
            Map<Long, String> names = access.names(people);
            Consumer<LedgerEntry> each = e -> sink.accept(e, names);
            found.items().forEach(each);
        } while (found.hasNext());
    }

    private static LedgerQuery page(LedgerQuery filter, int page, int size) {
        return new LedgerQuery(filter.level(), filter.type(), filter.status(), filter.custodianId(), filter.q(), page, size);
    }

    private List<String> headers(boolean full) {
        List<String> headers = new ArrayList<>(List.of(text("carrier.ledgerNumber"), text("carrier.title"),
                text("carrier.documentNumber"), text("carrier.level")));
        if (full) {
            headers.add(text("carrier.type"));
        }
        headers.addAll(List.of(text("carrier.copyNumber"), text("carrier.custodian"), text("carrier.place"),
                text("carrier.status")));
        if (full) {
            headers.addAll(List.of(text("carrier.export.pending"), text("carrier.borrower"), text("carrier.dueDate")));
        }
        return headers;
    }

    private String place(Copy copy) {
        return copy.safeId() != null ? text("carrier.place.safe", copy.safeNumber()) : orEmpty(copy.place());
    }

    private static String copyNumber(Copy copy) {
        return String.format("%06d", copy.copyNumber());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The filter for the audit trail: never the search text, which may quote a title. */
    private static String describe(LedgerQuery filter) {
        return "level=" + filter.level() + " type=" + filter.type() + " status=" + filter.status() + " custodian="
                + filter.custodianId() + " text=" + (filter.q() != null);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
