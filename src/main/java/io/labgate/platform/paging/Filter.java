package io.labgate.platform.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a Panache query from the optional filters of a list request; absent filters add nothing. */
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

    public Filter contains(String attribute, String value) {
        if (value != null && !value.isBlank()) {
            String name = "p" + parameters.size();
            clauses.add("lower(" + attribute + ") like :" + name);
            parameters.put(
                    name,
                    "%"
                            + value.trim()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
