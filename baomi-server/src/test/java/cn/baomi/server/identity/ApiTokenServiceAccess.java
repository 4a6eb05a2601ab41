package cn.baomi.server.identity;

import static cn.baomi.server.support.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;

/** Issues a token through the real page, as a user would, and reads it off the page. */
record ApiTokenServiceAccess(MockMvc mvc) {

    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\">(bm_[A-Za-z0-9_-]+)<");

    String issue(Account account) throws Exception {
        String page = mvc.perform(post("/account/tokens").param("name", "cli").with(as(account.asCurrentUser())).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no token on the page: " + page);
        }
        return matcher.group(1);
    }
}
