package cn.baomi.server.personnel;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The secrecy files' part of {@code /v3/api-docs} (docs/decisions/personnel.md): what each endpoint does, who may. */
@Component
class PersonnelApiDocs implements OpenApiCustomizer {

    private static final String TAG = "涉密人员 Personnel";
    private static final Map<String, String> PERSON = Map.of("personId", "人员 id");

    @Override
    public void customise(OpenAPI api) {
        Map<String, String> filters = Map.of("level", "涉密等级 CORE 核心, IMPORTANT 重要, GENERAL 一般",
                "unitId", "单位 id", "departmentId", "内设部门 id",
                "status", "状态 CLEARED 已上岗, INCOMPLETE 档案不全, REVIEW_OVERDUE 复审逾期, REVIEW_DUE_SOON 复审即将到期, "
                        + "COMMITMENT_OUT_OF_DATE 承诺书过期",
                "q", "姓名中的文字");
        Map<String, String> paged = new java.util.HashMap<>(filters);
        paged.put("page", "页号，从 0 起");
        paged.put("size", "每页行数，1–100，默认 20");
        ApiDocs.describe(api, GET, "/api/personnel", TAG, "涉密人员名册（筛选、分页）",
                "Active persons with a level whom the caller may see: the secrecy office its units and those below, a "
                        + "unit leader their unit, a department head their department; anyone else gets an empty page. "
                        + "Core first, then by unit, department and name; total counts every match. Audited.", paged);
        ApiDocs.describe(api, GET, "/api/personnel/export.xlsx", TAG, "导出名册（.xlsx，全部符合条件的人员，审计）",
                "Every row matching the filters of GET /api/personnel, not one page.", filters);
        ApiDocs.describe(api, GET, "/api/personnel/counts", TAG, "名册统计：各等级人数、复审逾期/即将到期、承诺书过期、档案不全、脱密期内",
                "The figures of the home card, over everyone the caller sees on the roster. Not audited (figures only).",
                Map.of());
        ApiDocs.describe(api, GET, "/api/personnel/{personId}", TAG, "保密档案（上岗条件、等级、审查、承诺书、培训、谈话、重大事项）",
                "For the secrecy office, the person's leaders and the person; 404 for anyone else. Audited.", PERSON);
        ApiDocs.describe(api, GET, "/api/personnel/{personId}/timeline", TAG, "档案时间线（新的在前）",
                "The file as one dated list, in the caller's language. Audited.", PERSON);
        ApiDocs.describe(api, GET, "/api/personnel/{personId}/scans/{scanId}", TAG, "下载扫描件（审计）",
                "The stored PDF/JPEG/PNG, checked against its SM3 digest; attachment, no-store.",
                Map.of("personId", "人员 id", "scanId", "扫描件 id"));
        ApiDocs.describe(api, GET, "/api/personnel/{personId}/commitment-form.pdf", TAG, "打印保密承诺书（PDF，审计）",
                "kind: PRE_POST 上岗, ANNUAL 年度, EXIT 离岗离职.", Map.of("personId", "人员 id", "kind", "承诺书种类"));
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/level-changes", TAG, "申请确定或变更涉密等级（仅保密办，经审批生效）",
                "Routed through the approval module (kind personnel.level); a first level needs the pre-post checklist, "
                        + "temporary, seconded and trainee staff an exception reason. One pending change at a time.",
                PERSON);
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/level-changes/{changeId}/withdraw", TAG,
                "撤回待审批的等级变更（仅提出申请的保密办）", "", Map.of("personId", "人员 id", "changeId", "等级变更 id"));
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/reviews", TAG, "登记背景审查（仅保密办，可附扫描件）",
                "multipart/form-data: kind PRE_POST/PERIODIC/…, date, reviewer, outcome PASSED/FAILED, text, scan.", PERSON);
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/commitments", TAG, "登记已签保密承诺书（仅保密办，可附扫描件）",
                "multipart/form-data: kind PRE_POST/ANNUAL/EXIT, date, scan.", PERSON);
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/trainings", TAG, "登记保密培训与学时（仅保密办）", "", PERSON);
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/talks", TAG, "登记提醒谈话（仅保密办）", "", PERSON);
        ApiDocs.describe(api, POST, "/api/personnel/{personId}/matters", TAG, "登记个人重大事项报告（仅保密办）", "", PERSON);
        for (String path : new String[] {"/api/personnel/{personId}/level-changes", "/api/personnel/{personId}/reviews",
                "/api/personnel/{personId}/commitments", "/api/personnel/{personId}/trainings",
                "/api/personnel/{personId}/talks", "/api/personnel/{personId}/matters"}) {
            ApiDocs.created(api, path);
        }
    }
}
