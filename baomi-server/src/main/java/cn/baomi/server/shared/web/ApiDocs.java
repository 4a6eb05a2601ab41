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
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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

    /** Every operation may answer with a problem (RFC 9457) for a missing token, a refusal, a hidden record or a rule. */
    @Bean
    OpenApiCustomizer problemResponses() {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        problems.put("400", "输入格式不对，errors 逐项指出字段 / malformed input, errors name the fields");
        problems.put("401", "没有或无效的 API 令牌 / no valid token");
        problems.put("403", "角色无权执行此操作（已记入审计日志） / the role may not do this (audited)");
        problems.put("404", "记录不存在或无权查看 / no such record, or not visible to the caller");
        problems.put("422", "违反业务规则，errors 指出字段和规则 / a business rule is broken, errors name field and rule");
        Content problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")));
        return api -> {
            api.getComponents().addSchemas("Problem", new io.swagger.v3.oas.models.media.ObjectSchema()
                    .description("RFC 9457 problem details, in the caller's language")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(
                            new io.swagger.v3.oas.models.media.ObjectSchema()
                                    .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
                                    .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema()))));
            if (api.getPaths() != null) {
                api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    problems.forEach((code, text) -> responses.addApiResponse(code,
                            new ApiResponse().description(text).content(problem)));
                    operation.setResponses(responses);
                }));
            }
        };
    }

    /** A POST that creates something answers 201 (springdoc reads a {@code ResponseEntity} as 200). */
    public static void created(OpenAPI api, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation post = item == null ? null : item.getPost();
        if (post != null && post.getResponses() != null && post.getResponses().containsKey("200")) {
            ApiResponse ok = post.getResponses().remove("200");
            post.getResponses().addApiResponse("201", ok.description("已创建 / created"));
        }
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
