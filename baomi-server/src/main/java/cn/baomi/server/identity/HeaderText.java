package cn.baomi.server.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rules for header names, header values and parameter names, without a regular expression. Spring
 * Security's {@link StrictHttpFirewall} tests every header a filter reads against {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}
 * (values: tab allowed too), which took about 4 % of the server's CPU per API request
 * (docs/decisions/ledger-performance.md). These are the same rules written out: every code point assigned, and not
 * a control character. {@code HeaderTextTest} compares them with the expressions on every code point.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** A header or parameter name: assigned code points, no control characters. */
    static boolean allowedName(String text) {
        return allowed(text, false);
    }

    /** A header value: assigned code points, no control characters but the tab. */
    static boolean allowedValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, the usual case
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::allowedName);
        firewall.setAllowedHeaderValues(HeaderText::allowedValue);
        firewall.setAllowedParameterNames(HeaderText::allowedName);
        return firewall;
    }
}
