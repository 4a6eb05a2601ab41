package cn.baomi.server.personnel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PersonnelSettings.class)
class PersonnelConfig {
}
