package cn.baomi.server.approval;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The approvals' part of {@code /v3/api-docs} (docs/decisions/approval-routing.md). */
@Component
class ApprovalApiDocs implements OpenApiCustomizer {

    private static final String TAG = "审批 Approvals";
    private static final Map<String, String> ID = Map.of("id", "审批 id");

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/approvals", TAG, "待我审批或我的申请（分页）",
                "box=pending: the approvals whose current step the caller may decide, oldest first; box=mine: the "
                        + "caller's own requests and those the secrecy office filed on the caller's behalf, newest first.",
                Map.of("box", "pending 待我审批 或 mine 我的申请", "page", "页号，从 0 起", "size", "每页条数"));
        ApiDocs.describe(api, GET, "/api/approvals/{id}", TAG, "审批详情与各步骤",
                "Visible to the requester, whoever may decide one of its steps, and the unit's secrecy office; "
                        + "404 for anyone else. Audited as a view.", ID);
        ApiDocs.describe(api, POST, "/api/approvals/{id}/approve", TAG, "同意当前步骤",
                "The opinion is optional (at most 500 characters). 403 when the caller may see but not decide the "
                        + "current step; 422 when it is already decided or the caller requested it.", ID);
        ApiDocs.describe(api, POST, "/api/approvals/{id}/reject", TAG, "驳回（须填写意见）",
                "An opinion of 1–500 characters is required.", ID);
        ApiDocs.describe(api, POST, "/api/approvals/{id}/withdraw", TAG, "申请人撤回尚在审批中的申请", "", ID);
    }
}
