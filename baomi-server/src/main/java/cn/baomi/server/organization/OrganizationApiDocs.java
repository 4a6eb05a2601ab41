package cn.baomi.server.organization;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;

import cn.baomi.server.shared.web.ApiDocs;

/** The organisation's part of {@code /v3/api-docs} (docs/decisions/organization-scope.md). */
@Component
class OrganizationApiDocs implements OpenApiCustomizer {

    private static final String UNITS = "组织机构 Units";
    private static final String PARTS = "内设部门和岗位 Departments and positions";
    private static final String PERSONS = "人员 Persons";
    private static final Map<String, String> PAGING = Map.of("q", "名称中的文字", "includeInactive", "是否包括已停用的",
            "page", "页号，从 0 起", "size", "每页条数");

    @Override
    public void customise(OpenAPI api) {
        ApiDocs.describe(api, GET, "/api/units", UNITS, "单位（数据范围内）", "Units in the caller's data scope.", PAGING);
        ApiDocs.describe(api, POST, "/api/units", UNITS, "新建单位", "System administrator, or the secrecy office "
                + "below its own unit; only the system administrator creates top units.", Map.of());
        ApiDocs.describe(api, GET, "/api/units/{id}", UNITS, "单位详情", "", Map.of("id", "单位 id"));
        ApiDocs.describe(api, PUT, "/api/units/{id}", UNITS, "修改单位", "", Map.of("id", "单位 id"));
        ApiDocs.describe(api, POST, "/api/units/{id}/deactivate", UNITS, "停用单位（不删除）", "", Map.of("id", "单位 id"));

        Map<String, String> parts = Map.of("kind", "departments 内设部门 或 positions 岗位", "unitId", "所属单位",
                "q", "名称中的文字", "includeInactive", "是否包括已停用的", "page", "页号，从 0 起", "size", "每页条数",
                "id", "部门或岗位 id");
        ApiDocs.describe(api, GET, "/api/{kind}", PARTS, "内设部门或岗位（数据范围内）", "", parts);
        ApiDocs.describe(api, POST, "/api/{kind}", PARTS, "新建内设部门或岗位", "", parts);
        ApiDocs.describe(api, GET, "/api/{kind}/{id}", PARTS, "内设部门或岗位详情", "", parts);
        ApiDocs.describe(api, PUT, "/api/{kind}/{id}", PARTS, "改名", "", parts);
        ApiDocs.describe(api, POST, "/api/{kind}/{id}/deactivate", PARTS, "停用（不删除）", "", parts);
        onlyDepartmentsOrPositions(api);

        ApiDocs.describe(api, GET, "/api/persons", PERSONS, "人员（数据范围内，身份证号只显示掩码）",
                "Only for the roles with a need to know the register (secrecy office, classification authority, "
                        + "department heads, unit leaders, supervisor); staff get 403.",
                Map.of("q", "姓名中的文字", "unitId", "单位", "departmentId", "内设部门", "clearance", "涉密等级",
                        "employmentType", "用工类型", "active", "在职与否", "page", "页号，从 0 起", "size", "每页条数"));
        ApiDocs.describe(api, POST, "/api/persons", PERSONS, "登记人员（仅保密办）", "", Map.of());
        ApiDocs.describe(api, GET, "/api/persons/{id}", PERSONS, "人员详情（审计）", "", Map.of("id", "人员 id"));
        ApiDocs.describe(api, PUT, "/api/persons/{id}", PERSONS, "修改人员（仅保密办）", "", Map.of("id", "人员 id"));
        ApiDocs.describe(api, POST, "/api/persons/{id}/deactivate", PERSONS, "人员离岗停用（仅保密办）", "",
                Map.of("id", "人员 id"));
        for (String created : new String[] {"/api/units", "/api/{kind}", "/api/persons"}) {
            ApiDocs.created(api, created);
        }
    }

    /** The mapping's pattern {@code {kind:departments|positions}} is lost by springdoc: name the two values. */
    private static void onlyDepartmentsOrPositions(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/{kind}")) {
                item.readOperations().stream().filter(o -> o.getParameters() != null)
                        .flatMap(o -> o.getParameters().stream()).filter(p -> "kind".equals(p.getName()))
                        .forEach(p -> p.setSchema(new StringSchema()._enum(List.of("departments", "positions"))));
            }
        });
    }
}
