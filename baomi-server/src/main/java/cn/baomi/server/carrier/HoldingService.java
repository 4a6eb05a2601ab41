package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.CurrentUser;

/** The holding view for the secrecy office and the reminders of a person; only counts and ledger numbers, no titles. */
@Service
class HoldingService {

    record Overview(List<Holdings.Holder> holders, List<Copy> pendingHandOvers, List<Copy> lent, List<Copy> carriedOut) {
    }

    private final Holdings holdings;
    private final CarrierAccess access;

    HoldingService(Holdings holdings, CarrierAccess access) {
        this.holdings = holdings;
        this.access = access;
    }

    @Transactional(readOnly = true)
    Overview overview() {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        Set<Long> units = access.viewer(user).keeperUnits();
        return new Overview(holdings.holders(units), holdings.inState(units, CopyStatus.HANDOVER_PENDING),
                holdings.inState(units, CopyStatus.LENT), holdings.inState(units, CopyStatus.CARRIED_OUT));
    }

    @Transactional(readOnly = true)
    List<Copy> waitingForMe(CurrentUser user) {
        return user.personId() == null || access.viewer(user).personId() == null ? List.of()
                : holdings.waitingFor(user.personId());
    }

    /** Borrowings ({@code LENT}) or carry-outs ({@code CARRIED_OUT}) of mine past their due date. */
    @Transactional(readOnly = true)
    List<Copy> overdueForMe(CurrentUser user, CopyStatus status) {
        return user.personId() == null || access.viewer(user).personId() == null ? List.of()
                : holdings.overdueFor(user.personId(), LocalDate.now(), status);
    }
}
