package cn.baomi.server.personnel;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.web.HomeCard;
import cn.baomi.server.shared.web.HomeCardProvider;

/**
 * The home page's card of cleared personnel, for those who see the roster — the secrecy office (its units and those
 * below), unit leaders (their unit) and department heads (their department) — and nobody else: people by level,
 * re-reviews overdue, people in the cool-off, commitments out of date, each linking to where they are listed.
 * Figures only, so not audited (like the counts of the roster).
 */
@Component
class PersonnelCard implements HomeCardProvider {

    private final Roster roster;

    PersonnelCard(Roster roster) {
        this.roster = roster;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.isAdministrator() || !roster.seesRoster(user)) {
            return List.of();
        }
        RosterCounts c = roster.counts(user);
        return List.of(new HomeCard("personnel", 20, "personnel.card.title", List.of(
                level("core", ClearanceLevel.CORE, c.core()),
                level("important", ClearanceLevel.IMPORTANT, c.important()),
                level("general", ClearanceLevel.GENERAL, c.general()),
                new HomeCard.Figure("reviewsOverdue", "personnel.card.reviewsOverdue", c.reviewsOverdue(),
                        "/personnel?status=" + RosterStatus.REVIEW_OVERDUE, true),
                new HomeCard.Figure("inCoolOff", "personnel.card.inCoolOff", c.inCoolOff(), "/personnel/exits", false),
                new HomeCard.Figure("commitmentsOutOfDate", "personnel.card.commitmentsOutOfDate",
                        c.commitmentsOutOfDate(), "/personnel?status=" + RosterStatus.COMMITMENT_OUT_OF_DATE, true))));
    }

    private static HomeCard.Figure level(String id, ClearanceLevel level, long count) {
        return new HomeCard.Figure(id, "personnel.card." + id, count, "/personnel?level=" + level, false);
    }
}
