package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.web.PageLinks;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.ActorNames;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/** The ledger pages: the list with filters, registering a carrier, and the detail with its copies and history. */
@Controller
@RequestMapping("/carriers")
class CarrierPages {

    private final CarrierService carriers;
    private final ActorNames actorNames;
    private final HoldingService holdings;
    private final CarrierAccess access;
    private final SafeService safes;
    private final UnitDirectory units;
    private final CopyEventRouter router;
    private final CarryOutService carryOuts;
    private final CompilationService compilations;
    private final MessageSource messages;
    private final CopyingService copying;

    CarrierPages(CarrierService carriers, HoldingService holdings, CarrierAccess access, SafeService safes,
                 UnitDirectory units, CopyEventRouter router, MessageSource messages, CopyingService copying,
                 CarryOutService carryOuts, CompilationService compilations, ActorNames actorNames) {
        this.actorNames = actorNames;
        this.copying = copying;
        this.router = router;
        this.carryOuts = carryOuts;
        this.compilations = compilations;
        this.messages = messages;
        this.carriers = carriers;
        this.holdings = holdings;
        this.access = access;
        this.safes = safes;
        this.units = units;
    }

    @GetMapping
    String list(@RequestParam(required = false) SecretLevel level, @RequestParam(required = false) CarrierType type,
                @RequestParam(required = false) CopyStatus status, @RequestParam(required = false) Long custodianId,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.require();
        LedgerQuery query = LedgerQuery.of(level, type, status, custodianId, q, page, null);
        LedgerPage<LedgerEntry> result = carriers.search(query);
        List<Copy> waiting = holdings.waitingForMe(user);
        List<Long> people = new ArrayList<>();
        result.items().forEach(e -> people.addAll(Stream.of(e.copy().custodianId(), e.copy().pendingCustodianId(),
                e.copy().borrowerId()).toList()));
        waiting.forEach(c -> people.add(c.custodianId()));
        model.addAttribute("result", result);
        Optional<String> last = PageLinks.pastTheEnd(request, result.page(), result.pages(), result.items().isEmpty());
        if (last.isPresent()) {
            return "redirect:" + last.get();
        }
        model.addAttribute("links", PageLinks.of(request, result.page(), result.hasPrevious(), result.hasNext()));
        model.addAttribute("filter", query);
        model.addAttribute("waiting", waiting);
        model.addAttribute("names", access.names(people));
        model.addAttribute("canRegister", user.has(Role.SECRECY_OFFICER));
        return choices(model, "carrier/list");
    }

    @GetMapping("/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        CarrierForm form = new CarrierForm();
        form.setUnitId(user.unitId());
        model.addAttribute("form", form);
        return formChoices(model, user);
    }

    @PostMapping
    String register(@Valid @ModelAttribute("form") CarrierForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        form.incomplete().forEach(problem -> PageSupport.reject(result, problem));
        if (!result.hasErrors()) {
            try {
                long id = carriers.register(form);
                redirect.addFlashAttribute("notice", "carrier.notice.registered");
                return "redirect:/carriers/" + id;
            } catch (BusinessRuleViolation e) {
                PageSupport.reject(result, e);
            }
        }
        return formChoices(model, user);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CarrierService.CarrierView view = carriers.view(id);
        List<Long> people = new ArrayList<>();
        view.copies().forEach(c -> people.addAll(Stream.of(c.custodianId(), c.pendingCustodianId(), c.borrowerId()).toList()));
        view.events().forEach(e -> people.addAll(Stream.of(e.fromCustodianId(), e.toCustodianId()).toList()));
        model.addAttribute("actorNames",
                actorNames.displayNames(view.events().stream().map(CopyEvent::actor).toList()));
        List<CopyRequest> copyRequests = copying.requestsOf(id);
        copyRequests.forEach(r -> people.add(r.requesterPersonId()));
        model.addAttribute("copyRequests", copyRequests);
        List<CarryOutRequest> carryOutRequests = carryOuts.requestsOf(id);
        carryOutRequests.forEach(r -> people.add(r.requesterPersonId()));
        model.addAttribute("carryOuts", carryOutRequests);
        model.addAttribute("grantedCarryOuts", carryOutRequests.stream()
                .filter(r -> r.state() == RequestState.GRANTED).map(CarryOutRequest::copyId).collect(Collectors.toSet()));
        List<CompilationRequest> compilationRequests = compilations.requestsOf(id);
        compilationRequests.forEach(r -> people.add(r.requesterPersonId()));
        model.addAttribute("compilations", compilationRequests);
        model.addAttribute("repairModes", RepairMode.values());
        model.addAttribute("compilationKinds", CompilationKind.values());
        model.addAttribute("durationKinds", SecrecyDuration.Kind.values());
        model.addAttribute("scopeUnits", view.keeper() ? units.activeUnits().stream()
                .filter(u -> units.isInScope(user, u.id())).toList() : List.of());
        long unitId = view.carrier().unitId();
        model.addAttribute("scopeDepartments", view.keeper() ? units.activeDepartments(unitId) : List.of());
        model.addAttribute("scopePositions", view.keeper() ? units.activePositions(unitId) : List.of());
        if (!model.containsAttribute("copyRequest")) {
            model.addAttribute("copyRequest", new CopyRequestForm());
        }
        model.addAttribute("view", view);
        model.addAttribute("names", access.names(people));
        model.addAttribute("scopeNames", scopeNames(view.scope()));
        model.addAttribute("copyNumbers", view.copies().stream().collect(Collectors.toMap(Copy::id, Copy::copyNumber)));
        model.addAttribute("me", user.personId());
        model.addAttribute("persons", access.holderChoices(access.viewer(user), view.carrier(), view.scope()));
        model.addAttribute("safes", view.keeper() ? safes.list().stream()
                .filter(s -> s.unitId() == view.carrier().unitId()).toList() : List.of());
        return choices(model, "carrier/detail");
    }

    @PostMapping("/{id}/events")
    String event(@PathVariable long id, @ModelAttribute CopyAction action, RedirectAttributes redirect) {
        try {
            router.apply(id, action);
            boolean asked = action.getType() == EventType.CARRY_OUT_REQUESTED
                    || action.getType() == EventType.COMPILATION_REQUESTED;
            redirect.addFlashAttribute("notice", asked ? "carrier.notice.submitted" : "carrier.notice.event");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/carriers/" + id;
    }

    @PostMapping("/{id}/copy-requests")
    String requestCopies(@PathVariable long id, @ModelAttribute CopyRequestForm form, RedirectAttributes redirect) {
        try {
            copying.requestCopies(id, form);
            redirect.addFlashAttribute("notice", "carrier.notice.copyRequested");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("copyRequest", form);
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/carriers/" + id;
    }

    @GetMapping("/holdings")
    String holdings(Model model) {
        HoldingService.Overview overview = holdings.overview();
        List<Long> people = new ArrayList<>();
        overview.holders().forEach(h -> people.add(h.personId()));
        Stream.of(overview.pendingHandOvers(), overview.lent(), overview.carriedOut()).flatMap(List::stream).forEach(c ->
                people.addAll(Stream.of(c.custodianId(), c.pendingCustodianId(), c.borrowerId()).toList()));
        model.addAttribute("overview", overview);
        model.addAttribute("names", access.names(people));
        return "carrier/holdings";
    }

    /** What the detail page shows for each scope entry: the name of the person, department, position or unit. */
    private Map<CarrierScopes.Entry, String> scopeNames(List<CarrierScopes.Entry> scope) {
        Map<Long, String> persons = access.names(scope.stream().filter(e -> e.kind() == ScopeKind.PERSON)
                .map(CarrierScopes.Entry::refId).toList());
        Map<CarrierScopes.Entry, String> names = new LinkedHashMap<>();
        for (CarrierScopes.Entry e : scope) {
            String name = switch (e.kind()) {
                case PERSON -> persons.get(e.refId());
                case UNIT -> units.find(e.refId()).map(UnitSummary::name).orElse(null);
                case DEPARTMENT -> units.departmentName(e.refId()).orElse(null);
                case POSITION -> units.positionName(e.refId()).orElse(null);
            };
            names.put(e, name != null ? name : "#" + e.refId());
        }
        return names;
    }

    private String formChoices(Model model, CurrentUser user) {
        model.addAttribute("units", units.activeUnits().stream().filter(u -> units.isInScope(user, u.id())).toList());
        model.addAttribute("persons", access.activePersonsOf(user.unitId()));
        model.addAttribute("departments", user.unitId() == null ? List.of() : units.activeDepartments(user.unitId()));
        model.addAttribute("positions", user.unitId() == null ? List.of() : units.activePositions(user.unitId()));
        model.addAttribute("safes", safes.list());
        model.addAttribute("origins", Origin.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("durationKinds", SecrecyDuration.Kind.values());
        return choices(model, "carrier/form");
    }

    private static String choices(Model model, String view) {
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("types", CarrierType.values());
        model.addAttribute("statuses", CopyStatus.values());
        model.addAttribute("channels", Channel.values());
        return view;
    }
}
