package cn.baomi.server.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.baomi.server.shared.CurrentUser;

/** {@code GET /api/me}: who the token belongs to, for the command line to check its set-up. */
@RestController
class MeApi {

    @GetMapping("/api/me")
    CurrentUser me() {
        return CurrentUser.require();
    }
}
