package cn.baomi.server.shared;

import static cn.baomi.server.support.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The API answers every malformed request with an RFC 9457 problem in the caller's language. */
@BaomiTest
class ApiProblemsTest {

    @Autowired
    MockMvc mvc;

    private final CurrentUser officer = TestUsers.user(1L, null, Role.SECRECY_OFFICER);

    @Test
    void unreadableBodyIsAProblemInChinese() throws Exception {
        mvc.perform(post("/api/units").with(as(officer)).contentType("application/json").content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("请求内容无法解析（须为 UTF-8 编码的 JSON）"));
    }

    @Test
    void unreadableBodyIsAProblemInEnglishWhenAsked() throws Exception {
        mvc.perform(post("/api/units").with(as(officer)).header("Accept-Language", "en").param("lang", "en")
                        .contentType("application/json").content("[1,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("The request body could not be read (UTF-8 JSON expected)"));
    }

    /** An API client's Accept-Language is heard without the cookie or ?lang; a page stays Chinese whatever it asks. */
    @Test
    void anApiClientAskingForEnglishGetsEnglish() throws Exception {
        mvc.perform(post("/api/units").with(as(officer)).header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5")
                        .contentType("application/json").content("[1,"))
                .andExpect(jsonPath("$.title").value("The request body could not be read (UTF-8 JSON expected)"));
        mvc.perform(post("/api/units").with(as(officer)).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                        .contentType("application/json").content("[1,"))
                .andExpect(jsonPath("$.title").value("请求内容无法解析（须为 UTF-8 编码的 JSON）"));
        mvc.perform(get("/units").with(as(officer)).header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"zh-CN\"")));
    }

    /** A value of the wrong kind in a JSON body names its field, and a choice lists the values allowed. */
    @Test
    void aWrongValueInTheBodyNamesItsField() throws Exception {
        mvc.perform(post("/api/persons").with(as(officer)).contentType("application/json")
                        .content("{\"name\":\"王五\",\"clearance\":\"BOGUS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clearance"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("CORE")));
        mvc.perform(post("/api/units").with(as(officer)).contentType("application/json").content("{\"parentId\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void wrongParameterTypeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/persons").with(as(officer)).param("page", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }
}
