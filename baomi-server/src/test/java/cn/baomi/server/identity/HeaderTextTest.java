package cn.baomi.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.support.BaomiTest;

/** The firewall's header rules without regular expressions are exactly Spring Security's expressions. */
@BaomiTest
class HeaderTextTest {

    /** Spring Security's StrictHttpFirewall: header and parameter names, and header values. */
    static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Autowired
    MockMvc mvc;

    @Test
    void theRulesAgreeWithSpringSecuritysExpressionsOnEveryCodePoint() {
        List<String> disagree = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = new String(Character.toChars(cp));
            if (HeaderText.allowedName(text) != NAME.matcher(text).matches()
                    || HeaderText.allowedValue(text) != VALUE.matcher(text).matches()) {
                disagree.add(Integer.toHexString(cp));
            }
        }
        assertThat(disagree).isEmpty();
        for (String text : List.of("", "\uD800x", "x\uDC00", "\uD83D\uDE00", "a\tb", "保密\r\n", "\u0000",
                "Bearer bm_x\u0378", "保密-\uD83D\uDE00-\t")) {
            assertThat(HeaderText.allowedName(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderText.allowedValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    /** A header is tested when a filter reads it: the token filter reads {@code Authorization}. */
    @Test
    void aHeaderWithAControlCharacterIsRejectedAndChineseTextIsNot() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer bm_\u0007")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/me").header("Authorization", "Bearer bm_保密\t")).andExpect(status().isUnauthorized());
    }
}
