package io.labgate.organization.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganizationProvisioningNamesTest {

    private static final UUID ID = UUID.fromString("1a2b3c4d-0000-4000-8000-00000000abcd");

    @Test
    void clientIdsUseTheFirstEightHexDigitsThenTheWholeId() {
        assertThat(KeycloakNames.clientIds(ID))
                .containsExactly("org-1a2b3c4d-loader", "org-1a2b3c4d00004000800000000000abcd-loader");
        // what the database accepts as a clientId
        assertThat(KeycloakNames.clientIds(ID)).allMatch(c -> c.matches("^[a-z0-9][a-z0-9-]{2,254}$"));
    }

    @Test
    void groupNamesAreASlugOfTheNameWithTheId() {
        assertThat(KeycloakNames.groupNames(ID, "Alpha AI Co., Ltd."))
                .containsExactly("alpha-ai-co-ltd-1a2b3c4d", "alpha-ai-co-ltd-1a2b3c4d00004000800000000000abcd");
    }

    @Test
    void slugsKeepLettersOfAnyScriptAndNothingElse() {
        assertThat(KeycloakNames.slug("(주)알파 AI")).isEqualTo("주-알파-ai");
        assertThat(KeycloakNames.slug("  Jeju  Smart--Farm!! ")).isEqualTo("jeju-smart-farm");
        assertThat(KeycloakNames.slug("ＡＢＣ　１２３"))
                .as("full-width forms are folded")
                .isEqualTo("abc-123");
        assertThat(KeycloakNames.slug("../../admin")).isEqualTo("admin");
        assertThat(KeycloakNames.slug("/organizations/x")).doesNotContain("/");
        assertThat(KeycloakNames.slug("!!!")).isEqualTo("org");
        assertThat(KeycloakNames.slug("")).isEqualTo("org");
        assertThat(KeycloakNames.slug(null)).isEqualTo("org");
    }

    @Test
    void slugsAreBoundedAndNeverEndInADash() {
        String slug = KeycloakNames.slug("a".repeat(39) + " b c d");
        assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(KeycloakNames.MAX_SLUG);
        assertThat(slug).doesNotEndWith("-").startsWith("a".repeat(39));
        String korean = KeycloakNames.slug("가".repeat(100));
        assertThat(korean.codePointCount(0, korean.length())).isEqualTo(KeycloakNames.MAX_SLUG);
        assertThat(KeycloakNames.slug("😀 emoji co")).isEqualTo("emoji-co");
    }
}
