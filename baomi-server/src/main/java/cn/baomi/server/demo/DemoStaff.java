package cn.baomi.server.demo;

import static cn.baomi.server.organization.EmploymentType.OUTSOURCED;
import static cn.baomi.server.organization.EmploymentType.REGULAR;
import static cn.baomi.server.organization.EmploymentType.SECONDED;
import static cn.baomi.server.organization.EmploymentType.SERVICE;
import static cn.baomi.server.organization.EmploymentType.TEMPORARY;
import static cn.baomi.server.organization.EmploymentType.TRAINEE;
import static cn.baomi.server.shared.ClearanceLevel.CORE;
import static cn.baomi.server.shared.ClearanceLevel.GENERAL;
import static cn.baomi.server.shared.ClearanceLevel.IMPORTANT;
import static cn.baomi.server.shared.ClearanceLevel.NONE;

import java.util.ArrayList;
import java.util.List;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * The forty people of the demo county bureau: every employment type and clearance level. Temporary, seconded
 * and trainee staff hold no clearance (domain §1); outsourced O&M staff hold a general one.
 */
final class DemoStaff {

    record Member(String department, String position, EmploymentType type, ClearanceLevel clearance, String login) {
    }

    static final List<Member> COUNTY_BUREAU = build();

    private DemoStaff() {
    }

    private static List<Member> build() {
        List<Member> m = new ArrayList<>();
        m.add(new Member("办公室", "局长", REGULAR, CORE, "dingmi"));
        m.add(new Member("办公室", "副局长", REGULAR, IMPORTANT, "lingdao"));
        m.add(new Member("综合规划股", "股长", REGULAR, IMPORTANT, "bumen"));
        m.add(new Member("机要保密室", "保密员", REGULAR, IMPORTANT, "baomiban"));
        m.add(new Member("综合规划股", "科员", REGULAR, GENERAL, "keyuan"));
        m.add(new Member("办公室", "副局长", REGULAR, CORE, null));
        m.add(new Member("机要保密室", "机要员", REGULAR, CORE, "zhuren"));
        for (String department : List.of("固定资产投资股", "能源与价格股", "办公室")) {
            m.add(new Member(department, "股长", REGULAR, IMPORTANT, null));
        }
        m.add(new Member("机要保密室", "机要员", REGULAR, IMPORTANT, null));
        m.add(new Member("综合规划股", "科员", REGULAR, IMPORTANT, null));
        String[] departments = {"办公室", "综合规划股", "固定资产投资股", "能源与价格股", "机要保密室"};
        for (int i = 0; i < 10; i++) {
            m.add(new Member(departments[i % 4 + (i == 9 ? 1 : 0)], "科员", REGULAR, GENERAL, null));
        }
        for (int i = 0; i < 8; i++) {
            m.add(new Member(departments[i % 4], "科员", REGULAR, NONE, null));
        }
        m.add(new Member("办公室", "驾驶员", TEMPORARY, NONE, null));
        m.add(new Member("综合规划股", "科员", TEMPORARY, NONE, null));
        m.add(new Member("能源与价格股", "科员", TEMPORARY, NONE, null));
        m.add(new Member("固定资产投资股", "科员", SECONDED, NONE, null));
        m.add(new Member("综合规划股", "科员", SECONDED, NONE, null));
        m.add(new Member("办公室", "科员", TRAINEE, NONE, null));
        m.add(new Member("能源与价格股", "科员", TRAINEE, NONE, null));
        m.add(new Member("机要保密室", "运维工程师", OUTSOURCED, GENERAL, null));
        m.add(new Member("办公室", "运维工程师", OUTSOURCED, GENERAL, null));
        m.add(new Member("办公室", "保洁员", SERVICE, NONE, null));
        return List.copyOf(m);
    }
}
