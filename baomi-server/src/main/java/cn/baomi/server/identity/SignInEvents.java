package cn.baomi.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.CurrentUser;

/** Sign-in, sign-in failures and sign-out go into the audit trail. */
@Component
class SignInEvents implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    static final String MUST_CHANGE_PASSWORD = "baomi.mustChangePassword";
    private final AuditTrail audit;
    private final AccountService accountService;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInEvents(AuditTrail audit, AccountService accountService) {
        this.audit = audit;
        this.accountService = accountService;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        audit.record(AuditRecord.success("SIGN_IN", "account", user.username()));
        if (accountService.mustChangePassword(user.accountId())) {
            request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String reason = exception instanceof LockedException ? "locked"
                : exception instanceof DisabledException ? "disabled" : "bad-credentials";
        audit.recordAs(username, accountService.rolesOf(username), new AuditRecord("SIGN_IN_FAILED", "account", username,
                AuditRecord.Outcome.FAILURE, reason));
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            audit.record(AuditRecord.success("SIGN_OUT", "account", user.username()));
        }
    }
}
