package io.labgate.platform.error;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises which database rule refused a write, so that a service can answer 409 with a real reason. */
public final class DatabaseConstraints {

    private DatabaseConstraints() {}

    /** True when {@code failure} (or a cause) is the violation of the named constraint. */
    public static boolean violated(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraintName.equals(cve.getConstraintName())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().contains("\"" + constraintName + "\"")) {
                return true;
            }
        }
        return false;
    }
}
