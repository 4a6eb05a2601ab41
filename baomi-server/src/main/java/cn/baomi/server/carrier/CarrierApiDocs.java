package cn.baomi.server.carrier;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The carrier ledger's part of {@code /v3/api-docs}: what each endpoint does and who may call it. */
@Component
class CarrierApiDocs implements OpenApiCustomizer {

    private static final String TAG = "涉密载体 Carriers";
    private static final Map<String, String> NONE = Map.of();

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/carriers", TAG, "台账：调用者可见的载体各份（筛选、分页）",
                "One row per copy the caller may see (docs/decisions/carrier-ledger.md), newest first. The filters "
                        + "combine; the page counts from 0 and holds at most 100 rows (default 20).",
                Map.of("level", "密级 TOP_SECRET 绝密, SECRET 机密, CONFIDENTIAL 秘密",
                        "type", "载体类型", "status", "份的状态", "custodianId", "保管人（人员 id）",
                        "q", "标题、文号或台账编号中的文字", "page", "页号，从 0 起", "size", "每页行数，1–100，默认 20"));
        ApiDocs.describe(api, POST, "/api/carriers", TAG, "登记载体（仅保密办）",
                "Registers a carrier and its copies; 403 unless the caller is the secrecy office. Field errors: 400/422.",
                NONE);
        ApiDocs.describe(api, GET, "/api/carriers/{id}", TAG, "载体详情与各份",
                "Level, duration, scope and the copies; audited as a view. 404 when the caller may not see it.",
                Map.of("id", "载体 id"));
        ApiDocs.describe(api, GET, "/api/carriers/{id}/events", TAG, "载体（或其中一份）的流转记录",
                "The append-only history of every copy of the carrier the caller may see, or of one copy (copyId), "
                        + "oldest first; audited as a view. 404 when the caller may see none of them.",
                Map.of("id", "载体 id", "copyId", "份的 id（可选）：只列这一份的记录"));
        ApiDocs.describe(api, POST, "/api/carriers/{id}/events", TAG, "登记一份载体的事项",
                "type: HANDOVER_REQUESTED (personId), HANDOVER_CONFIRMED / HANDOVER_REFUSED (the receiver), "
                        + "HANDOVER_WITHDRAWN (sender or secrecy office), LENT (personId, dueDate), LOAN_RETURNED, "
                        + "SENT / RECEIVED_BACK (channel, counterpart, safeId or place). A broken rule answers 422 "
                        + "naming the field. The answer (201) is only what the event appended: a list holding the new "
                        + "history row (one per open copy for RECLASSIFIED / DECLASSIFIED, none for a request that opens "
                        + "an approval); Location is the copy's history (GET …/events?copyId=). Read the whole history "
                        + "with GET.",
                Map.of("id", "载体 id"));
        ApiDocs.describe(api, POST, "/api/carriers/events", TAG, "一次登记多份载体的事项（全部成功或全部不登记）",
                "A JSON list of at most 100 events, each with carrierId and the fields of POST …/{id}/events, applied "
                        + "in order in one transaction: every rule is checked and every event audited as if posted alone, "
                        + "and all are appended or none. A broken rule answers 422 naming the event (events[2].personId). "
                        + "The answer (201) lists the history rows appended, in order.",
                NONE);
        ApiDocs.describe(api, GET, "/api/carriers/{id}/copy-requests", TAG, "载体的复制申请", "", Map.of("id", "载体 id"));
        ApiDocs.describe(api, POST, "/api/carriers/{id}/copy-requests", TAG, "申请复制（经审批后生成新的份）",
                "Nothing is copied until the approval (kind carrier.copy) is granted.", Map.of("id", "载体 id"));
        ApiDocs.describe(api, GET, "/api/carriers/destruction-lists", TAG, "销毁清单（仅保密办）", "", NONE);
        ApiDocs.describe(api, POST, "/api/carriers/destruction-lists", TAG, "编制销毁清单并报批（仅保密办）",
                "Live copies of one unit; a listed copy is not handed over, lent or sent until the list is done.", NONE);
        ApiDocs.describe(api, GET, "/api/carriers/destruction-lists/{id}", TAG, "销毁清单详情", "", NONE);
        ApiDocs.describe(api, POST, "/api/carriers/destruction-lists/{id}/completion", TAG, "登记销毁（清单获批后）",
                "Destruction body, certificate number and date, destroyer and a different witness; once only.", NONE);
        Map<String, String> filters = Map.of("level", "密级", "type", "载体类型", "status", "份的状态",
                "custodianId", "保管人（人员 id）", "q", "标题、文号或台账编号中的文字");
        ApiDocs.describe(api, POST, "/api/carriers/import", TAG, "从 .xlsx 导入台账（仅保密办，全部成功或全部不导入）",
                "multipart field file. A refused import answers 422 with every bad row and cell.", NONE);
        ApiDocs.describe(api, GET, "/api/carriers/import/template.xlsx", TAG, "下载导入模板（中文表头）", "", NONE);
        ApiDocs.describe(api, GET, "/api/carriers/export.xlsx", TAG, "导出筛选后的台账（.xlsx，审计）",
                "The rows the caller may see, with the filters of GET /api/carriers.", filters);
        ApiDocs.describe(api, GET, "/api/carriers/ledger.pdf", TAG, "打印筛选后的台账（PDF，审计）", "", filters);
        ApiDocs.describe(api, GET, "/api/carriers/{id}/labels.pdf", TAG, "打印载体各份的二维码标签（PDF）", "",
                Map.of("id", "载体 id"));
        ApiDocs.describe(api, GET, "/api/carriers/labels.pdf", TAG, "打印所选份的二维码标签（PDF，仅保密办，审计）",
                "copyIds repeated or comma-separated (copyIds=1&copyIds=2, or copyIds=1,2), at most 1,000; copies the "
                        + "office does not keep, and destroyed or returned ones, are left out (none left: 404); none given: "
                        + "422 on copyIds. The same selection the ledger list's ticks print.",
                Map.of("copyIds", "所选份的 id（可重复，最多 1000）"));
        for (String created : new String[] {"/api/carriers", "/api/carriers/{id}/events", "/api/carriers/events",
                "/api/carriers/{id}/copy-requests",
                "/api/carriers/destruction-lists"}) {
            ApiDocs.created(api, created);
        }
    }
}
