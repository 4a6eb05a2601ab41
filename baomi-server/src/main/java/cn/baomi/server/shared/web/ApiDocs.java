package cn.baomi.server.shared.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs} (docs/decisions/openapi.md): the JSON API under {@code /api},
 * signed in with a personal bearer token. Springdoc reads the paths, parameters and JSON shapes from the
 * controllers; each module adds its summaries with an {@link OpenApiCustomizer} of its own, using
 * {@link #describe}, so the controllers stay free of documentation annotations.
 */
@Configuration
public class ApiDocs {

    public static final String TOKEN = "personalToken";

    @Bean
    OpenAPI baomiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Baomi API").version("1")
                        .description("保密管理系统的 JSON 接口。每个请求带个人 API 令牌（Authorization: Bearer bm_…，"
                                + "在“我的账户”中生成）；只返回调用者有权查看的记录，无权查看的记录一律答 404。错误按 RFC 9457 "
                                + "以 application/problem+json 返回，语言随 Accept-Language。\n\nThe JSON API of Baomi. "
                                + "Every request carries a personal API token; records the caller may not see answer 404.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bm_…")
                        .description("个人 API 令牌 / personal API token")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /**
     * Gives an operation its tag, summary and description, and describes its parameters by name; does nothing when
     * the operation is not (or no longer) there, so a renamed endpoint loses its text rather than breaking start-up.
     */
    public static void describe(OpenAPI api, PathItem.HttpMethod method, String path, String tag, String summary,
                                String description, Map<String, String> parameters) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            return;
        }
        operation.setTags(new java.util.ArrayList<>(java.util.List.of(tag)));
        operation.setSummary(summary);
        operation.setDescription(description);
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (parameters.containsKey(p.getName())) {
                    p.setDescription(parameters.get(p.getName()));
                }
            }
        }
    }
}
