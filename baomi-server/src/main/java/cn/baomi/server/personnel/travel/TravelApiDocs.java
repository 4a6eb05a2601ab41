package cn.baomi.server.personnel.travel;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** Travel abroad's part of {@code /v3/api-docs} (docs/decisions/personnel-exit.md). */
@Component
class TravelApiDocs implements OpenApiCustomizer {

    private static final String TAG = "出国出境 Travel";
    private static final Map<String, String> TRIP = Map.of("id", "出国（境）申请 id");
    private static final Map<String, String> DOCUMENT = Map.of("id", "证件 id");

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/personnel/travel", TAG, "出国（境）申请：可查看的人员的及本人的",
                "Trips of persons whose file the caller may read, and the caller's own; newest first.", Map.of());
        ApiDocs.describe(api, POST, "/api/personnel/travel", TAG, "提出出国（境）申请（本人，或保密办代为提出）",
                "On the post or in the cool-off: PENDING with an approval (kind personnel.travel, department head, "
                        + "secrecy office, unit leader); otherwise RECORDED. Field errors name destination, purpose, "
                        + "departOn (not past), returnOn (not before departure).", Map.of());
        ApiDocs.describe(api, GET, "/api/personnel/travel/{id}", TAG, "出国（境）申请详情（审计）", "404 unless the caller may "
                + "read the person's file.", TRIP);
        ApiDocs.describe(api, PUT, "/api/personnel/travel/{id}", TAG, "修改未批准的申请（审批单随之撤回并重新报批）",
                "PENDING, or RECORDED and not under way; by the person or the secrecy office, and for a PENDING trip only "
                        + "by whoever filed it (the approval module's withdrawal rule). The person in the body is ignored.",
                TRIP);
        ApiDocs.describe(api, POST, "/api/personnel/travel/{id}/withdraw", TAG, "撤回未批准的申请（审批单一并撤回）",
                "Same conditions as PUT; the trip becomes WITHDRAWN.", TRIP);
        ApiDocs.describe(api, POST, "/api/personnel/travel/{id}/cancel", TAG, "取消已批准、尚未出发的行程",
                "Until the day of departure; the answer says whether a document issued for the trip is still out.", TRIP);
        ApiDocs.describe(api, GET, "/api/personnel/travel/documents", TAG, "证照保管登记（号码一律脱敏，审计）",
                "Documents of persons whose file the caller may read, and the caller's own; numbers masked.", Map.of());
        ApiDocs.describe(api, POST, "/api/personnel/travel/documents", TAG, "登记入库证件（仅保密办）",
                "kind PASSPORT/HK_MACAO_PERMIT/TAIWAN_PERMIT/OTHER; number 5–20 letters or digits, unique per kind; "
                        + "stored SM4-encrypted.", Map.of());
        ApiDocs.created(api, "/api/personnel/travel");
        ApiDocs.created(api, "/api/personnel/travel/documents");
        ApiDocs.describe(api, GET, "/api/personnel/travel/documents/{id}", TAG, "证件详情与领用记录（号码脱敏，审计）", "",
                DOCUMENT);
        ApiDocs.describe(api, GET, "/api/personnel/travel/documents/{id}/number", TAG, "完整证件号码（仅保密办，每次审计）",
                "403 for other readers of the file, 404 for everyone else.", DOCUMENT);
        ApiDocs.describe(api, POST, "/api/personnel/travel/documents/{id}/issue", TAG, "领用证件（仅保密办）",
                "A person on the post or in the cool-off gets a document only for an approved trip (travelId).", DOCUMENT);
        ApiDocs.describe(api, POST, "/api/personnel/travel/documents/{id}/return", TAG, "交回证件（仅保密办）", "", DOCUMENT);
    }
}
