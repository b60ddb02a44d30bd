package io.labgate.organization.provisioning;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The names LabGate gives an organization in Keycloak. Pure functions, no framework. Each list holds the
 * preferred name first and then a longer one that cannot collide, for the (rare) case that the preferred name is
 * already taken by something that is not this organization's.
 */
final class KeycloakNames {

    /** Longest slug taken from an organization's name, in code points. */
    static final int MAX_SLUG = 40;

    private KeycloakNames() {}

    /**
     * Group names under the parent group: {@code <name slug>-<first 8 hex of the id>}, then with the whole id.
     * The group keeps its name when the organization is renamed; the id suffix keeps equal names apart.
     */
    static List<String> groupNames(UUID id, String organizationName) {
        String slug = slug(organizationName);
        return List.of(slug + "-" + shortId(id), slug + "-" + longId(id));
    }

    /** Machine client ids: {@code org-<first 8 hex of the id>-loader}, then with the whole id. */
    static List<String> clientIds(UUID id) {
        return List.of("org-" + shortId(id) + "-loader", "org-" + longId(id) + "-loader");
    }

    /**
     * Lower-case letters and digits of any script, runs of anything else as one dash, no dash at either end, at
     * most {@link #MAX_SLUG} code points; {@code org} when nothing is left. {@code "(주)알파 AI Co., Ltd."} becomes
     * {@code 주-알파-ai-co-ltd}.
     */
    static String slug(String name) {
        String normalized = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        int codePoints = 0;
        boolean dash = false;
        for (int i = 0; i < normalized.length() && codePoints < MAX_SLUG; ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (dash && !slug.isEmpty()) {
                    slug.append('-');
                    codePoints++;
                    if (codePoints == MAX_SLUG) {
                        break;
                    }
                }
                dash = false;
                slug.appendCodePoint(c);
                codePoints++;
            } else {
                dash = true;
            }
        }
        String result = slug.toString();
        while (result.endsWith("-")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "org" : result;
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    private static String longId(UUID id) {
        return id.toString().replace("-", "");
    }
}
