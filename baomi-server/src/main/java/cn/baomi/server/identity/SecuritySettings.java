package cn.baomi.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in settings ({@code baomi.security.*}); the defaults are what 等保 asks for. */
@ConfigurationProperties("baomi.security")
record SecuritySettings(int maxFailures, Duration lockDuration, int passwordHistory, int bcryptStrength) {
}
