package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Travel's use cases for other modules (the demo loader, later imports): the same services, rules and audit records
 * as the pages and the API, as the signed-in user. Document kinds by their codes ({@code PASSPORT} …).
 */
@Service
@NamedInterface("travel-setup")
public class TravelSetup {

    private final TravelService travels;
    private final TravelDocumentService documents;

    TravelSetup(TravelService travels, TravelDocumentService documents) {
        this.travels = travels;
        this.documents = documents;
    }

    /** Files a trip of the person (their own, or as the secrecy office); returns its id. */
    public long request(long personId, String destination, String purpose, LocalDate departOn, LocalDate returnOn) {
        TravelForm form = new TravelForm();
        form.setPersonId(personId);
        form.setDestination(destination);
        form.setPurpose(purpose);
        form.setDepartOn(departOn);
        form.setReturnOn(returnOn);
        return travels.request(form);
    }

    /** The approval deciding the trip, if it needs one. */
    public Long approvalOf(long travelId) {
        return travels.find(travelId).map(Travel::approvalId).orElse(null);
    }

    public long registerDocument(long personId, String kind, String number, LocalDate expiresOn) {
        return documents.register(personId, TravelDocument.Kind.valueOf(kind), number, expiresOn);
    }

    public void issueDocument(long documentId, Long travelId, LocalDate issuedOn, LocalDate dueOn) {
        documents.issue(documentId, travelId, issuedOn, dueOn);
    }

    public void returnDocument(long documentId, LocalDate returnedOn) {
        documents.giveBack(documentId, returnedOn);
    }
}
