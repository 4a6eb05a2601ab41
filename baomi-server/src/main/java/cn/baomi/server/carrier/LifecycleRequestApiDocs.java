package cn.baomi.server.carrier;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The carry-out and compilation requests' part of {@code /v3/api-docs}, beside {@link CarrierApiDocs}. */
@Component
class LifecycleRequestApiDocs implements OpenApiCustomizer {

    private static final String TAG = "涉密载体 Carriers";

    @Override
    public void customise(OpenAPI api) {
        String who = "All of them for the carrier's secrecy office, else the caller's own; 404 when the caller may see "
                + "no copy of the carrier. Asked for through POST /api/carriers/{id}/events.";
        ApiDocs.describe(api, GET, "/api/carriers/{id}/carry-out-requests", TAG, "载体的携带外出申请及其状态", who,
                Map.of("id", "载体 id"));
        ApiDocs.describe(api, GET, "/api/carriers/{id}/compilation-requests", TAG, "载体的摘录、汇编申请及其状态", who,
                Map.of("id", "载体 id"));
    }
}
