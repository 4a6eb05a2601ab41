package cn.baomi.server.identity;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;

import cn.baomi.server.shared.web.ApiDocs;

/** The identity module's part of {@code /v3/api-docs}. */
@Component
class IdentityApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/me", "账户 Account", "令牌所属的账户",
                "Who the token belongs to: account, unit, person and roles; for a client to check its set-up.", Map.of());
    }
}
