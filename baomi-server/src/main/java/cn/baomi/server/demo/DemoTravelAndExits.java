package cn.baomi.server.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.carrier.CarrierSetup;
import cn.baomi.server.personnel.exit.ExitSetup;
import cn.baomi.server.personnel.travel.TravelSetup;
import cn.baomi.server.shared.Role;

/**
 * Trips abroad and exits of the demo county bureau, through the travel and exit use cases: keyuan's own trip waiting
 * for its department head (bumen), a deputy director's approved trip with his passport out, a section chief's
 * one-day trip to Hong Kong whose permit is back; a clerk leaving the post who still holds a copy (so the exit cannot
 * be completed yet), and a clerk who left two months ago and is in the cool-off. People with a demo login act
 * through it, the others through stand-ins ({@link DemoActors}).
 */
@Component
class DemoTravelAndExits {

    private final TravelSetup travel;
    private final ExitSetup exits;
    private final CarrierSetup carriers;
    private final ApprovalService approvals;
    private final DemoActors actors;

    DemoTravelAndExits(TravelSetup travel, ExitSetup exits, CarrierSetup carriers, ApprovalService approvals,
                       DemoActors actors) {
        this.travel = travel;
        this.exits = exits;
        this.carriers = carriers;
        this.approvals = approvals;
        this.actors = actors;
    }

    /** {@code staff} holds the person ids in the order of {@link DemoStaff#COUNTY_BUREAU}. */
    void load(long county, List<Long> staff, Map<String, Long> departments) {
        LocalDate today = LocalDate.now();
        long principal = staff.get(0);
        long deputyLeader = staff.get(1);
        long officer = staff.get(3);
        long keyuan = staff.get(4);
        long deputy = staff.get(5);
        long officeChief = staff.get(9);
        long sectionChief = staff.get(7);
        long planningClerk = staff.get(13);
        long energyClerk = staff.get(15);

        actors.actAs(11, county, keyuan, Role.STAFF);
        travel.request(keyuan, "新加坡", "探亲（配偶在新加坡工作）", today.plusDays(30), today.plusDays(37));

        actors.actAs(12, county, deputy, Role.STAFF);
        long trip = travel.request(deputy, "德国", "随县经贸代表团参加中德中小企业合作交流活动", today.plusDays(5),
                today.plusDays(12));
        long approval = travel.approvalOf(trip);
        actors.actAs(13, county, officeChief, Role.DEPARTMENT_HEAD);
        approvals.approve(approval, "同意，行前接受保密提醒谈话");
        actors.actAs(14, county, officer, Role.SECRECY_OFFICER);
        approvals.approve(approval, "同意，证件于出发前领取");
        actors.actAs(15, county, principal, Role.UNIT_LEADER);
        approvals.approve(approval, "同意");
        actors.actAs(14, county, officer, Role.SECRECY_OFFICER);
        long passport = travel.registerDocument(deputy, "PASSPORT", "EK4521873", today.plusYears(6));
        travel.issueDocument(passport, trip, today, today.plusDays(19));

        actors.actAs(16, county, sectionChief, Role.DEPARTMENT_HEAD);
        long dayTrip = travel.request(sectionChief, "香港", "参加粤港澳大湾区项目投资座谈会（当日往返）", today, today);
        long dayApproval = travel.approvalOf(dayTrip);
        actors.actAs(14, county, officer, Role.SECRECY_OFFICER);
        approvals.approve(dayApproval, "同意");
        actors.actAs(17, county, deputyLeader, Role.UNIT_LEADER);
        approvals.approve(dayApproval, "同意");
        actors.actAs(14, county, officer, Role.SECRECY_OFFICER);
        long permit = travel.registerDocument(sectionChief, "HK_MACAO_PERMIT", "C60318842", today.plusYears(4));
        travel.issueDocument(permit, dayTrip, today, today.plusDays(3));
        travel.returnDocument(permit, today);

        carriers.registerPaper(county, "县级政府投资项目储备库（2026年第二批）", "临发改〔2026〕52号", "CONFIDENTIAL", 1,
                planningClerk, "综合规划股办公室", departments.get("综合规划股"));
        exits.open(planningClerk, "调任县政务服务中心（非涉密岗位）", today.plusDays(14));

        long left = exits.open(energyClerk, "辞职", today.minusMonths(2));
        exits.recordCommitment(left, today);
        exits.complete(left);
    }
}
