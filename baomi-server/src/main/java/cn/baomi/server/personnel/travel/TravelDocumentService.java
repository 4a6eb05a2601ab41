package cn.baomi.server.personnel.travel;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.personnel.PersonnelAccess;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.crypto.Sm4Cipher;

/**
 * The register of passports and travel documents the unit keeps (证照集中保管, domain.md §3): the secrecy office
 * registers them, issues one to its holder and takes it back, with dates. A person who needs approval to travel
 * (on the post or in the cool-off) gets a document only for an approved trip. A document not back by its due date
 * is a reminder for the secrecy office and the holder. Numbers are stored encrypted; lists and the detail page show
 * them masked, and only the secrecy office has the full number shown, on request, each time audited.
 */
@Service
class TravelDocumentService {

    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{5,20}");

    /** A document as listed: its holder's name and whether the viewer keeps it (issues and takes it back). */
    record Row(TravelDocument document, String holder, boolean keeper) {
    }

    /** A document with its history of issues and returns, for its detail page. */
    record Detail(Row row, List<TravelDocuments.Loan> loans) {
    }

    private final TravelDocuments documents;
    private final TravelService travels;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final PersonnelAccess access;
    private final Sm4Cipher cipher;
    private final AuditTrail audit;

    TravelDocumentService(TravelDocuments documents, TravelService travels, PersonDirectory persons,
                          UnitDirectory units, PersonnelAccess access, Sm4Cipher cipher, AuditTrail audit) {
        this.documents = documents;
        this.cipher = cipher;
        this.travels = travels;
        this.persons = persons;
        this.units = units;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    long register(Long personId, TravelDocument.Kind kind, String number, LocalDate expiresOn) {
        CurrentUser user = CurrentUser.require();
        PersonSummary person = (personId == null ? Optional.<PersonSummary>empty() : persons.find(personId))
                .filter(p -> access.canRead(user, p.id()))
                .orElseThrow(() -> new BusinessRuleViolation("personId", "travel.person.unknown"));
        requireOffice(user, person.unitId());
        if (kind == null) {
            throw new BusinessRuleViolation("kind", "travel.rule.required");
        }
        String normalised = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(normalised).matches()) {
            throw new BusinessRuleViolation("number", "travel.document.rule.number");
        }
        String digest = cipher.digest(normalised);
        if (documents.numberTaken(kind, digest)) {
            throw new BusinessRuleViolation("number", "travel.document.rule.numberTaken");
        }
        long id = documents.insert(person.unitId(), person.id(), kind, new TravelDocuments.StoredNumber(
                cipher.encrypt(normalised), digest, TravelDocument.mask(normalised)), expiresOn, user.username(),
                TravelService.now());
        audit.record(AuditRecord.success("TRAVEL_DOCUMENT_REGISTERED", "travelDocument", id)
                .withDetail("person=" + person.id() + " " + kind));
        return id;
    }

    /** Issues a kept document to its holder until {@code dueOn}, for an approved trip when the holder needs one. */
    @Transactional
    void issue(long id, Long travelId, LocalDate issuedOn, LocalDate dueOn) {
        CurrentUser user = CurrentUser.require();
        TravelDocument d = writable(user, id);
        if (d.status() != TravelDocument.Status.KEPT) {
            throw BusinessRuleViolation.of("travel.document.rule.alreadyIssued");
        }
        if (issuedOn == null || issuedOn.isAfter(LocalDate.now())) {
            throw new BusinessRuleViolation("issuedOn", "travel.document.rule.issuedOn");
        }
        if (dueOn == null || dueOn.isBefore(issuedOn)) {
            throw new BusinessRuleViolation("dueOn", "travel.document.rule.dueOn");
        }
        PersonSummary holder = persons.find(d.personId()).orElseThrow(() -> new NotFound("travelDocument", id));
        Optional<Travel> travel = travelId == null ? Optional.empty()
                : travels.find(travelId).filter(t -> t.personId() == d.personId());
        if (travelId != null && travel.isEmpty()) {
            throw new BusinessRuleViolation("travelId", "travel.document.rule.unknownTravel");
        }
        boolean needsApproval = travels.need(holder, travel.map(Travel::departOn).orElse(issuedOn)).approval();
        if ((needsApproval && travel.filter(t -> t.state() == Travel.State.APPROVED).isEmpty())
                || travel.filter(t -> !t.cleared()).isPresent()) {
            throw new BusinessRuleViolation("travelId", "travel.document.rule.approvedTravelNeeded", holder.name());
        }
        if (!documents.issue(d, travelId, issuedOn, dueOn, user.username())) {
            throw BusinessRuleViolation.of("travel.document.rule.alreadyIssued");
        }
        audit.record(AuditRecord.success("TRAVEL_DOCUMENT_ISSUED", "travelDocument", id)
                .withDetail("person=" + d.personId() + " due=" + dueOn + (travelId == null ? "" : " travel=" + travelId)));
    }

    @Transactional
    void giveBack(long id, LocalDate returnedOn) {
        CurrentUser user = CurrentUser.require();
        TravelDocument d = writable(user, id);
        if (d.status() != TravelDocument.Status.ISSUED) {
            throw BusinessRuleViolation.of("travel.document.rule.notIssued");
        }
        LocalDate issuedOn = documents.openLoan(id).map(TravelDocuments.Loan::issuedOn).orElse(LocalDate.MIN);
        if (returnedOn == null || returnedOn.isAfter(LocalDate.now()) || returnedOn.isBefore(issuedOn)) {
            throw new BusinessRuleViolation("returnedOn", "travel.document.rule.returnedOn");
        }
        if (!documents.giveBack(d, returnedOn, user.username())) {
            throw BusinessRuleViolation.of("travel.document.rule.notIssued");
        }
        audit.record(AuditRecord.success("TRAVEL_DOCUMENT_RETURNED", "travelDocument", id)
                .withDetail("person=" + d.personId() + " on=" + returnedOn));
    }

    /** The documents the user may see: of persons whose file they may read, and their own; the view is audited. */
    @Transactional
    List<Row> register() {
        CurrentUser user = CurrentUser.require();
        Stream<TravelDocument> scoped = documents.inUnits(units.visibleUnitIds(user)).stream()
                .filter(d -> access.canRead(user, d.personId()));
        Stream<TravelDocument> own = user.personId() == null ? Stream.empty() : documents.ofPerson(user.personId()).stream();
        List<Row> rows = Stream.concat(scoped, own).distinct()
                .map(d -> new Row(d, travels.name(d.personId()), access.isSecrecyOffice(user, d.unitId()))).toList();
        if (!rows.isEmpty()) {
            audit.record(AuditRecord.success("TRAVEL_DOCUMENTS_VIEWED", "travelDocument", null)
                    .withDetail("documents=" + rows.size()));
        }
        return rows;
    }

    /** One document, masked, with its loans, for someone who may read its holder's file (404 otherwise); audited. */
    @Transactional
    Detail view(long id) {
        CurrentUser user = CurrentUser.require();
        TravelDocument d = readable(user, id);
        audit.record(AuditRecord.success("TRAVEL_DOCUMENT_VIEWED", "travelDocument", id).withDetail("person=" + d.personId()));
        return new Detail(new Row(d, travels.name(d.personId()), access.isSecrecyOffice(user, d.unitId())),
                documents.loans(id));
    }

    /** The full number, for the secrecy office only (403 for other readers, 404 for the rest); each time audited. */
    @Transactional
    String revealNumber(long id) {
        CurrentUser user = CurrentUser.require();
        TravelDocument d = writable(user, id);
        audit.record(AuditRecord.success("TRAVEL_DOCUMENT_NUMBER_VIEWED", "travelDocument", id)
                .withDetail("person=" + d.personId()));
        return cipher.decrypt(documents.numberCipher(id));
    }

    /** Documents out past their due date: of the secrecy office's units, and the user's own. */
    @Transactional(readOnly = true)
    List<TravelDocument> overdueFor(CurrentUser user) {
        LocalDate today = LocalDate.now();
        Stream<TravelDocument> kept = documents.overdue(units.visibleUnitIds(user), today).stream()
                .filter(d -> access.isSecrecyOffice(user, d.unitId()));
        Stream<TravelDocument> own = user.personId() == null ? Stream.empty()
                : documents.ofPerson(user.personId()).stream().filter(d -> d.overdueOn(today));
        return Stream.concat(kept, own).distinct().toList();
    }

    String holder(long personId) {
        return travels.name(personId);
    }

    private TravelDocument readable(CurrentUser user, long id) {
        return documents.find(id).filter(x -> access.canRead(user, x.personId()))
                .orElseThrow(() -> new NotFound("travelDocument", id));
    }

    private TravelDocument writable(CurrentUser user, long id) {
        TravelDocument d = readable(user, id);
        requireOffice(user, d.unitId());
        return d;
    }

    private void requireOffice(CurrentUser user, long unitId) {
        if (!access.isSecrecyOffice(user, unitId)) {
            throw new AccessDeniedException("only the secrecy office keeps travel documents");
        }
    }
}
