package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * {@code /carriers/inventories}: the secrecy office's inventories (open one, read the result, close it) and a
 * custodian's task page, where a scanner or the keyboard types a ledger number into one field that answers at once
 * (htmx) and is ready for the next one.
 */
@Controller
@RequestMapping("/carriers/inventories")
class InventoryPages {

    private final InventoryService inventories;
    private final CarrierAccess access;
    private final UnitDirectory units;
    private final MessageSource messages;

    InventoryPages(InventoryService inventories, CarrierAccess access, UnitDirectory units, MessageSource messages) {
        this.inventories = inventories;
        this.access = access;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        CurrentUser user = CurrentUser.require();
        List<Inventory> list = inventories.list();
        model.addAttribute("inventories", list);
        model.addAttribute("units", units.activeUnits().stream()
                .filter(u -> access.viewer(user).keeps(u.id())).toList());
        return "carrier/inventories";
    }

    @PostMapping
    String open(@RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        try {
            long id = inventories.open(unitId);
            redirect.addFlashAttribute("notice", "carrier.inventory.notice.opened");
            return "redirect:/carriers/inventories/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
            return "redirect:/carriers/inventories";
        }
    }

    @GetMapping("/{id}")
    String result(@PathVariable long id, Model model) {
        InventoryService.Result result = inventories.result(id);
        List<Long> people = new ArrayList<>();
        for (List<InventoryItem> items : List.of(result.confirmed(), result.mismatched(), result.missing(),
                result.away(), result.leftLedger())) {
            items.forEach(i -> people.addAll(List.of(i.custodianId(), i.currentCustodianId())));
            items.stream().map(InventoryItem::borrowerId).filter(p -> p != null).forEach(people::add);
            items.stream().map(InventoryItem::confirmedPersonId).filter(p -> p != null).forEach(people::add);
        }
        model.addAttribute("result", result);
        model.addAttribute("inventory", result.inventory());
        model.addAttribute("names", access.names(people));
        model.addAttribute("unitName", units.find(result.inventory().unitId()).map(u -> u.name()).orElse(""));
        return "carrier/inventory";
    }

    @GetMapping("/{id}/mine")
    String mine(@PathVariable long id, Model model) {
        model.addAttribute("inventory", inventories.inventory(id));
        List<InventoryItem> items = inventories.mine(id);
        model.addAttribute("items", items);
        model.addAttribute("names", access.names(items.stream().map(InventoryItem::borrowerId).toList()));
        return "carrier/inventory-task";
    }

    /** One typed or scanned ledger number: with htmx the answer replaces the scan form, otherwise a redirect. */
    @PostMapping("/{id}/confirmations")
    String confirm(@PathVariable long id, @RequestParam(required = false) String ledgerNumber,
                   @RequestParam(required = false) String place, @RequestParam(required = false) String back,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect) {
        String feedback;
        boolean ok;
        try {
            InventoryService.Confirmation c = inventories.confirmByLedgerNumber(id, ledgerNumber, place);
            ok = true;
            feedback = messages.getMessage("carrier.inventory.scan." + c.outcome()
                    + (c.mismatch() == null ? "" : ".mismatch"), new Object[] {c.ledgerNumber()},
                    LocaleContextHolder.getLocale());
        } catch (BusinessRuleViolation e) {
            ok = false;
            feedback = e.text(messages);
        }
        String page = "result".equals(back) ? "/carriers/inventories/" + id : "/carriers/inventories/" + id + "/mine";
        if (htmx == null) {
            redirect.addFlashAttribute(ok ? "scanned" : "problem", feedback);
            return "redirect:" + page;
        }
        model.addAttribute("inventory", inventories.inventory(id));
        model.addAttribute("feedback", feedback);
        model.addAttribute("ok", ok);
        model.addAttribute("back", back);
        if (!"result".equals(back)) {
            List<InventoryItem> items = inventories.mine(id);
            model.addAttribute("items", items);
            model.addAttribute("names", access.names(items.stream().map(InventoryItem::borrowerId).toList()));
            model.addAttribute("oob", true);
            return "carrier/inventory-task :: scanned";
        }
        return "carrier/inventory-task :: scan";
    }

    @PostMapping("/{id}/ticks")
    String tick(@PathVariable long id, @RequestParam(required = false) List<Long> copyIds,
                @RequestParam(required = false) String place, RedirectAttributes redirect) {
        try {
            inventories.confirmCopies(id, copyIds, place);
            redirect.addFlashAttribute("notice", "carrier.inventory.notice.confirmed");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/carriers/inventories/" + id + "/mine";
    }

    @PostMapping("/{id}/closing")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inventories.close(id);
            redirect.addFlashAttribute("notice", "carrier.inventory.notice.closed");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/carriers/inventories/" + id;
    }
}
