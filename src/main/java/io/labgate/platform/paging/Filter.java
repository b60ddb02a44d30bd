package io.labgate.platform.paging;

import io.labgate.platform.security.Caller;
import io.labgate.platform.security.TenantScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a Panache query from the optional filters of a list request (absent filters add nothing) and the tenant
 * rule: every list of LabGate builds its query here.
 */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    public Filter equal(String attribute, Object value) {
        if (value != null) {
            String name = "p" + parameters.size();
            clauses.add(attribute + " = :" + name);
            parameters.put(name, value);
        }
        return this;
    }

    public Filter equalIgnoreCase(String attribute, String value) {
        if (value != null && !value.isBlank()) {
            String name = "p" + parameters.size();
            clauses.add("lower(" + attribute + ") = lower(:" + name + ")");
            parameters.put(name, value.trim());
        }
        return this;
    }

    /** Case-insensitive substring match on one attribute. */
    public Filter contains(String attribute, String value) {
        return containsInAny(value, attribute);
    }

    /** Case-insensitive substring match on any of the attributes (null attributes count as empty). */
    public Filter containsInAny(String value, String... attributes) {
        if (value != null && !value.isBlank()) {
            String name = "p" + parameters.size();
            List<String> any = new ArrayList<>();
            for (String attribute : attributes) {
                any.add("lower(coalesce(" + attribute + ", '')) like :" + name);
            }
            clauses.add(any.size() == 1 ? any.get(0) : "(" + String.join(" or ", any) + ")");
            parameters.put(name, likePattern(value));
        }
        return this;
    }

    /** Adds {@code clause}, binding {@code :name} to the value, when the value is not null. */
    public Filter where(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause whose parameters, if any, are bound with {@link #bind}. */
    public Filter clause(String clause) {
        clauses.add(clause);
        return this;
    }

    public Filter bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** The workflow lists' tenant rule ({@link TenantScope}). */
    public Filter tenant(Caller caller, String providerClause) {
        TenantScope.restrict(caller, providerClause, clauses, parameters);
        return this;
    }

    /** {@code %value%}, lower case, with LIKE's escape character and wildcards escaped. */
    static String likePattern(String value) {
        return "%"
                + value.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
