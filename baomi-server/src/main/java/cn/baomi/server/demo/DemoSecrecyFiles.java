package cn.baomi.server.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.personnel.CommitmentKind;
import cn.baomi.server.personnel.SecrecyFileSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.Role;

/**
 * A few secrecy files of the demo county bureau, through the personnel use cases: one clerk taken through the
 * whole pre-post checklist to an approved general level (decided by the head of the secrecy room, zhuren, and a
 * second secrecy officer without a login; see {@link DemoActors}), keyuan's file without an approved level, a core
 * 机要员 overdue for re-review with an old commitment, the principal leader due soon, and a temporary driver's
 * pre-post records.
 */
@Component
class DemoSecrecyFiles {

    private final SecrecyFileSetup files;
    private final ApprovalService approvals;
    private final DemoActors actors;

    DemoSecrecyFiles(SecrecyFileSetup files, ApprovalService approvals, DemoActors actors) {
        this.files = files;
        this.approvals = approvals;
        this.actors = actors;
    }

    /** {@code staff} holds the person ids in the order of {@link DemoStaff#COUNTY_BUREAU}. */
    void load(long county, List<Long> staff) {
        LocalDate today = LocalDate.now();
        long officer = staff.get(3);
        long keyuan = staff.get(4);
        long principal = staff.get(0);
        long registryCore = staff.get(6);
        long registryImportant = staff.get(10);
        long clerk = staff.get(22);
        long driver = staff.get(30);
        actors.actAs(1, county, officer, Role.SECRECY_OFFICER);
        onboard(clerk, today.minusDays(20));
        long approval = files.requestLevel(clerk, ClearanceLevel.GENERAL, "调入办公室从事文件收发，需接触秘密级文件", null);
        actors.actAs(2, county, registryCore, Role.DEPARTMENT_HEAD);
        approvals.approve(approval, "同意");
        actors.actAs(3, county, registryImportant, Role.SECRECY_OFFICER);
        approvals.approve(approval, "背景审查、培训考试和承诺书齐全，同意");

        actors.actAs(1, county, officer, Role.SECRECY_OFFICER);
        onboard(keyuan, today.minusYears(3));
        files.commitment(keyuan, CommitmentKind.ANNUAL, today.minusDays(40));
        files.training(keyuan, "ANNUAL", today.minusDays(40), "年度保密教育：节假日保密提醒与典型案例", new BigDecimal("6"), true);
        files.talk(keyuan, today.minusDays(35), "局长", "节前提醒：涉密文件不带回家，手机不进涉密场所");

        files.review(registryCore, "PERIODIC", today.minusMonths(14), "县委组织部", true, "定期复审，无异常");
        files.commitment(registryCore, CommitmentKind.ANNUAL, today.minusMonths(13));
        files.matter(registryCore, today.minusMonths(2), "RELATIVES_ABROAD", "女儿赴英国留学，预计三年");

        files.review(principal, "PERIODIC", today.minusMonths(11).minusDays(10), "县委组织部", true, null);
        files.commitment(principal, CommitmentKind.ANNUAL, today.minusMonths(11));
        files.talk(principal, today.minusMonths(1), "县保密局局长", "任职保密提醒谈话");

        files.review(officer, "PERIODIC", today.minusMonths(10), "县委组织部", true, null);
        files.commitment(officer, CommitmentKind.ANNUAL, today.minusDays(60));
        files.training(officer, "ANNUAL", today.minusDays(90), "保密干部业务培训", new BigDecimal("16"), true);

        onboard(driver, today.minusDays(10));
    }

    private void onboard(long person, LocalDate from) {
        files.review(person, "PRE_POST", from, "县委组织部", true, "政治审查合格");
        files.training(person, "PRE_POST", from.plusDays(3), "岗前保密教育培训", new BigDecimal("8"), true);
        files.commitment(person, CommitmentKind.PRE_POST, from.plusDays(5));
    }

}
