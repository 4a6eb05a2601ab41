package cn.baomi.server.personnel.exit;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** Leaving the post's part of {@code /v3/api-docs} (docs/decisions/personnel-exit.md). */
@Component
class ExitApiDocs implements OpenApiCustomizer {

    private static final String TAG = "离岗离职 Exits";
    private static final Map<String, String> EXIT = Map.of("id", "离岗记录 id");
    private static final Map<String, String> RESIGNATION = Map.of("id", "辞去公职申请 id");

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/personnel/exits", TAG, "离岗离职记录：可查看的人员的及本人的", "", Map.of());
        ApiDocs.describe(api, POST, "/api/personnel/exits", TAG, "办理离岗（仅保密办）",
                "For a cleared person, one open exit at a time; the level is copied onto the exit.", Map.of());
        ApiDocs.created(api, "/api/personnel/exits");
        ApiDocs.describe(api, GET, "/api/personnel/exits/{id}", TAG, "离岗详情与尚未清退的涉密载体（审计）",
                "Held copies by ledger number, copy number, level and how held — never titles.", EXIT);
        ApiDocs.describe(api, POST, "/api/personnel/exits/{id}/commitment", TAG, "登记离岗保密承诺书（仅保密办，附扫描件）",
                "multipart/form-data: signedOn, scan.", EXIT);
        ApiDocs.describe(api, POST, "/api/personnel/exits/{id}/completion", TAG, "办结离岗，脱密期开始（仅保密办）",
                "Refused (422) while any carrier copy is held or the exit commitment is missing; sets the clearance to "
                        + "none, revokes the person's own need-to-know entries and disables the account.", EXIT);
        ApiDocs.describe(api, POST, "/api/personnel/exits/{id}/entrustment", TAG, "登记脱密期委托管理（仅保密办）", "", EXIT);
        ApiDocs.describe(api, POST, "/api/personnel/exits/{id}/cool-off-closure", TAG, "结束脱密期管理（脱密期届满后，仅保密办）",
                "", EXIT);
        ApiDocs.describe(api, POST, "/api/personnel/exits/resignations", TAG, "登记辞去公职申请（仅保密办）", "", Map.of());
        ApiDocs.created(api, "/api/personnel/exits/resignations");
        ApiDocs.describe(api, POST, "/api/personnel/exits/resignations/{id}/approval", TAG, "同意辞去公职（脱密期内不得同意）",
                "", RESIGNATION);
        ApiDocs.describe(api, POST, "/api/personnel/exits/resignations/{id}/refusal", TAG, "不同意辞去公职（须填写意见）", "",
                RESIGNATION);
    }
}
