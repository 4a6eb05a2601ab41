package cn.baomi.server.shared;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** {@code /v3/api-docs} describes the JSON API for signed-in accounts (docs/decisions/openapi.md). */
@BaomiTest
class OpenApiDocsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void apiDocsListTheCarrierApprovalAndOrganisationApis() throws Exception {
        JsonNode docs = docs();
        JsonNode paths = docs.path("paths");
        for (String path : new String[] {"/api/carriers", "/api/carriers/{id}", "/api/approvals", "/api/approvals/{id}",
                "/api/units", "/api/units/{id}", "/api/persons", "/api/persons/{id}"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/carriers/{id}/events").has("get")).isTrue();
        assertThat(paths.path("/api/carriers/{id}/events").has("post")).isTrue();
        assertThat(paths.fieldNames()).toIterable().as("only the JSON API, no pages")
                .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void apiDocsListThePersonnelIncidentAndInventoryApis() throws Exception {
        JsonNode paths = docs().path("paths");
        for (String path : new String[] {"/api/personnel", "/api/personnel/{personId}", "/api/personnel/counts",
                "/api/personnel/exits", "/api/personnel/exits/{id}/completion", "/api/personnel/travel",
                "/api/personnel/travel/documents", "/api/incidents", "/api/incidents/{id}", "/api/carriers/inventories"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void everyOperationHasASummaryAndProblemAnswers() throws Exception {
        JsonNode docs = docs();
        java.util.List<String> withoutSummary = new java.util.ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (op.getValue().path("summary").asText().isBlank()) {
                withoutSummary.add(name);
            }
            assertThat(op.getValue().path("responses").has("422")).as(name).isTrue();
            assertThat(op.getValue().path("responses").path("404").path("content").has("application/problem+json"))
                    .as(name).isTrue();
        }));
        assertThat(withoutSummary).as("operations without a summary in their module's *ApiDocs").isEmpty();
        assertThat(docs.path("paths").path("/api/carriers").path("post").path("responses").has("201")).isTrue();
        assertThat(docs.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void carrierListDocumentsItsFiltersAndPaging() throws Exception {
        JsonNode list = docs().path("paths").path("/api/carriers").path("get");
        assertThat(list.path("summary").asText()).contains("台账");
        assertThat(list.path("parameters").findValuesAsText("name"))
                .contains("level", "type", "status", "custodianId", "q", "page", "size");
        assertThat(list.path("parameters").findValuesAsText("description")).allSatisfy(d -> assertThat(d).isNotBlank());
    }

    @Test
    void personnelRosterDocumentsItsFiltersAndPaging() throws Exception {
        JsonNode roster = docs().path("paths").path("/api/personnel").path("get");
        assertThat(roster.path("summary").asText()).contains("名册");
        assertThat(roster.path("parameters").findValuesAsText("name"))
                .contains("level", "unitId", "departmentId", "status", "q", "page", "size");
        assertThat(roster.path("parameters").findValuesAsText("description")).allSatisfy(d -> assertThat(d).isNotBlank());
        assertThat(docs().path("paths").path("/api/personnel/travel/documents/{id}/number").path("get")
                .path("summary").asText()).contains("仅保密办");
    }

    @Test
    void apiDocsNameTheBearerTokenScheme() throws Exception {
        JsonNode docs = docs();
        JsonNode scheme = docs.path("components").path("securitySchemes").path("personalToken");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.path("security").get(0).has("personalToken")).isTrue();
    }

    @Test
    void apiDocsAreForSignedInAccountsOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/v3/api-docs").with(as(TestUsers.administrator(Role.SYSTEM_ADMIN)))).andExpect(status().isOk());
    }

    private JsonNode docs() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(as(TestUsers.user(1L, null, Role.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(json);
    }
}
