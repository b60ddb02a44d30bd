package io.labgate.policy;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SecurityPolicyRepository implements PanacheRepositoryBase<SecurityPolicy, UUID> {

    /** Restricts a query to the newest version of each code; self-contained, so it combines with any filter. */
    static final String LATEST_OF_EACH_CODE = "id in (select q.id from SecurityPolicy q where q.versionNo = "
            + "(select max(r.versionNo) from SecurityPolicy r where r.code = q.code))";

    public Optional<SecurityPolicy> findVersion(String code, int versionNo) {
        return find("code = ?1 and versionNo = ?2", code, versionNo).firstResultOptional();
    }

    public Optional<SecurityPolicy> findLatest(String code) {
        return find("code = ?1 order by versionNo desc", code).firstResultOptional();
    }

    public boolean existsCode(String code) {
        return count("code", code) > 0;
    }

    /** The newest version of every policy that matches {@code where} (a Panache where clause). */
    public PanacheQuery<SecurityPolicy> findLatestVersions(String where, Sort sort, Map<String, Object> parameters) {
        return find(LATEST_OF_EACH_CODE + " and (" + where + ")", sort, parameters);
    }

    public PanacheQuery<SecurityPolicy> findVersionsOf(String code, Sort sort) {
        return find("code = :code", sort, Parameters.with("code", code));
    }

    /**
     * Sets {@code lockedAt} unless it is set already, in one statement, so that concurrent callers neither
     * fail nor lock twice. Bumps the row version because the representation (and so its ETag) changes.
     *
     * @return 1 when this call locked the version, 0 when it was locked already or does not exist
     */
    public int lockIfUnlocked(UUID id, Instant now) {
        return update("lockedAt = ?1, version = version + 1 where id = ?2 and lockedAt is null", now, id);
    }
}
