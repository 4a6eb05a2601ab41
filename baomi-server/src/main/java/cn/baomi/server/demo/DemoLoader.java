package cn.baomi.server.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.carrier.CarrierSetup;
import cn.baomi.server.identity.AccountSetup;
import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.organization.OrganizationSetup.NewPerson;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.Role;

/**
 * Loads the demo unit once, in one transaction, through the same use cases a person would use, so the demo
 * data obeys every rule and appears in the audit trail (actor {@code demo}). Runs before the first-start
 * creation of the administrators, which then finds them already made with the demo password.
 */
@Component
class DemoLoader {

    static final String PASSWORD = "Baomi#2026";
    static final String CITY = "江北市国家保密局";
    static final String COUNTY = "临川县发展和改革局";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final List<String> DEPARTMENTS = List.of("办公室", "综合规划股", "固定资产投资股", "能源与价格股", "机要保密室");
    private static final List<String> POSITIONS = List.of("局长", "副局长", "股长", "科员", "机要员", "保密员", "驾驶员", "运维工程师", "保洁员");

    private final boolean enabled;
    private final OrganizationSetup organization;
    private final UnitDirectory units;
    private final AccountSetup accounts;
    private final CarrierSetup carriers;
    private final TransactionTemplate transaction;
    private final DemoSecrecyFiles secrecyFiles;
    private final DemoTravelAndExits travelAndExits;
    private final DemoActors actors;
    private final Map<String, String> names = new HashMap<>();

    DemoLoader(@Value("${baomi.demo:false}") boolean enabled, OrganizationSetup organization, UnitDirectory units,
               AccountSetup accounts, CarrierSetup carriers, TransactionTemplate transaction,
               DemoSecrecyFiles secrecyFiles, DemoTravelAndExits travelAndExits, DemoActors actors) {
        this.actors = actors;
        this.carriers = carriers;
        this.travelAndExits = travelAndExits;
        this.enabled = enabled;
        this.organization = organization;
        this.units = units;
        this.accounts = accounts;
        this.transaction = transaction;
        this.secrecyFiles = secrecyFiles;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void loadDemoUnit() {
        if (!enabled || units.activeUnits().stream().anyMatch(u -> u.name().equals(CITY))) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> load());
            log.info("Loaded the demo unit {} under {}; every demo login's password is {}", COUNTY, CITY, PASSWORD);
        } finally {
            actors.forget();
            SecurityContextHolder.clearContext();
        }
    }

    private void load() {
        if (!accounts.hasAccounts()) {
            accounts.createWithKnownPassword("sysadmin", "系统管理员", null, null, EnumSet.of(Role.SYSTEM_ADMIN), PASSWORD);
            accounts.createWithKnownPassword("secadmin", "安全保密管理员", null, null, EnumSet.of(Role.SECURITY_ADMIN), PASSWORD);
            accounts.createWithKnownPassword("auditor", "安全审计员", null, null, EnumSet.of(Role.SECURITY_AUDITOR), PASSWORD);
        }
        actors.actAs(null, Role.SYSTEM_ADMIN);
        long city = organization.createUnit(null, "JB-BMJ", CITY, true);
        long county = organization.createUnit(city, "LC-FGJ", COUNTY, false);
        long finance = organization.createUnit(city, "LC-CZJ", "临川县财政局", false);
        long inspection = organization.createDepartment(city, "督查科");
        long cityOfficer = organization.createPosition(city, "督查员");
        Map<String, Long> departments = new HashMap<>();
        DEPARTMENTS.forEach(name -> departments.put(name, organization.createDepartment(county, name)));
        Map<String, Long> positions = new HashMap<>();
        POSITIONS.forEach(name -> positions.put(name, organization.createPosition(county, name)));
        long financeOffice = organization.createDepartment(finance, "办公室");

        actors.actAs(city, Role.SECRECY_OFFICER);
        DemoPeople people = new DemoPeople();
        Map<String, Long> logins = new HashMap<>();
        List<Long> staff = new ArrayList<>();
        names.clear();
        for (DemoStaff.Member member : DemoStaff.COUNTY_BUREAU) {
            String name = people.name();
            long person = organization.registerPerson(new NewPerson(name, people.idNumber(), county,
                    departments.get(member.department()), positions.get(member.position()), member.type(),
                    member.clearance()));
            staff.add(person);
            if (member.login() != null) {
                logins.put(member.login(), person);
                names.put(member.login(), name);
            }
        }
        login("dingmi", logins.get("dingmi"), county, EnumSet.of(Role.CLASSIFICATION_AUTHORITY, Role.UNIT_LEADER));
        login("lingdao", logins.get("lingdao"), county, EnumSet.of(Role.UNIT_LEADER));
        login("bumen", logins.get("bumen"), county, EnumSet.of(Role.DEPARTMENT_HEAD));
        login("baomiban", logins.get("baomiban"), county, EnumSet.of(Role.SECRECY_OFFICER));
        login("keyuan", logins.get("keyuan"), county, EnumSet.of(Role.STAFF));
        // Heads the secrecy room and co-signs for the secrecy office, so that the office's own requests (a
        // destruction list) have someone other than the requester to decide them.
        login("zhuren", logins.get("zhuren"), county, EnumSet.of(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER));
        names.put("jianguan", people.name());
        long supervisor = organization.registerPerson(new NewPerson(names.get("jianguan"), people.idNumber(), city, inspection,
                cityOfficer, EmploymentType.REGULAR, ClearanceLevel.IMPORTANT));
        login("jianguan", supervisor, city, EnumSet.of(Role.SUPERVISOR));
        for (int i = 0; i < 3; i++) {
            organization.registerPerson(new NewPerson(people.name(), people.idNumber(), finance, financeOffice, null,
                    EmploymentType.REGULAR, i == 0 ? ClearanceLevel.IMPORTANT : ClearanceLevel.GENERAL));
        }
        secrecyFiles.load(county, staff);
        carriersAndInventory(county, departments, logins);
        travelAndExits.load(county, staff, departments);
    }

    /**
     * A few carriers of the county bureau, held by the secrecy clerk (baomiban) and a staff member (keyuan), and an
     * open inventory (清查): both see it as a task on their home page; the secrecy office reads and closes it.
     */
    private void carriersAndInventory(long county, Map<String, Long> departments, Map<String, Long> logins) {
        long clerk = logins.get("baomiban");
        actors.actAs(0, county, clerk, Role.SECRECY_OFFICER);
        long staff = logins.get("keyuan");
        carriers.registerPaper(county, "关于2026年度县级固定资产投资计划的请示", "临发改〔2026〕12号", "SECRET", 2, clerk,
                "机要保密室", departments.get("机要保密室"));
        carriers.registerPaper(county, "全县重点用能单位能源消耗统计表", "临发改〔2026〕31号", "CONFIDENTIAL", 3, staff,
                "综合规划股办公室", departments.get("综合规划股"));
        carriers.registerPaper(county, "县级储备粮轮换价格测算方案", "临发改〔2026〕40号", "CONFIDENTIAL", 1, clerk,
                "机要保密室", departments.get("机要保密室"));
        carriers.openInventory(county);
    }

    private void login(String username, long personId, long unitId, Set<Role> roles) {
        if (!accounts.exists(username)) {
            long account = accounts.createWithKnownPassword(username, names.get(username), unitId, personId, roles,
                    PASSWORD);
            actors.remember(account, username, names.get(username), unitId, personId, roles);
        }
    }


}
