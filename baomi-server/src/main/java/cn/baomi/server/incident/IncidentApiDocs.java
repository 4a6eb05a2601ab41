package cn.baomi.server.incident;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The incidents' part of {@code /v3/api-docs} (docs/decisions/incidents.md). */
@Component
class IncidentApiDocs implements OpenApiCustomizer {

    private static final String TAG = "泄密事件 Incidents";

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/incidents", TAG, "泄密事件：本单位及下级单位的（新的在前，最多 500 条，审计）",
                "The incidents of the units the caller watches over (docs/decisions/incidents.md); a lost carrier names its "
                        + "copy by ledger number, never by title.", Map.of());
        ApiDocs.describe(api, GET, "/api/incidents/{id}", TAG, "泄密事件详情（审计）", "404 outside the caller's units.",
                Map.of("id", "事件 id"));
    }
}
