package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Where, why and when of a trip, checked: required texts within their lengths, departure not past, return after it. */
record TravelDetails(String destination, String purpose, LocalDate departOn, LocalDate returnOn) {

    static TravelDetails of(TravelForm form) {
        String destination = TravelService.required("destination", form.getDestination(), 200);
        String purpose = TravelService.required("purpose", form.getPurpose(), 500);
        LocalDate depart = form.getDepartOn();
        LocalDate back = form.getReturnOn();
        if (depart == null || depart.isBefore(LocalDate.now())) {
            throw new BusinessRuleViolation("departOn", "travel.rule.departOn");
        }
        if (back == null || back.isBefore(depart)) {
            throw new BusinessRuleViolation("returnOn", "travel.rule.returnOn");
        }
        return new TravelDetails(destination, purpose, depart, back);
    }
}
