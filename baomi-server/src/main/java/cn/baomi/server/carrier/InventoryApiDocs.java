package cn.baomi.server.carrier;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The inventories' part of {@code /v3/api-docs} (docs/decisions/carrier-inventory.md). */
@Component
class InventoryApiDocs implements OpenApiCustomizer {

    private static final String TAG = "载体清查 Inventories";
    private static final Map<String, String> ID = Map.of("id", "清查 id");

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/carriers/inventories", TAG, "清查任务：本单位及下级单位的", "", Map.of());
        ApiDocs.describe(api, POST, "/api/carriers/inventories", TAG, "发起清查（仅保密办）",
                "Every live copy of the unit (body unitId, default the caller's) becomes an item for its custodian.",
                Map.of());
        ApiDocs.created(api, "/api/carriers/inventories");
        ApiDocs.describe(api, GET, "/api/carriers/inventories/{id}", TAG, "清查结果：已核对、未核对的份", "", ID);
        ApiDocs.describe(api, GET, "/api/carriers/inventories/{id}/mine", TAG, "本人保管、待核对的份", "", ID);
        ApiDocs.describe(api, POST, "/api/carriers/inventories/{id}/confirmations", TAG, "核对在位（按台账编号或份 id）",
                "By ledger number (a scanned label) or by copy ids; only the custodian's own copies.", ID);
        ApiDocs.describe(api, POST, "/api/carriers/inventories/{id}/closing", TAG, "结束清查（未核对的份报为丢失，仅保密办）",
                "Copies still unaccounted for are reported lost, each becoming an incident.", ID);
    }
}
