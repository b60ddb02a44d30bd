package io.labgate.reference;

import static io.labgate.platform.text.Texts.blankToNull;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.time.LabTime;
import io.labgate.reference.web.ReferenceEntryRequest;
import io.labgate.reference.web.ReferenceEntryResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one reference list (industries or AI technologies): entries are found by code, listed in code order,
 * registered once, and updated under optimistic locking. Each list is a small subclass.
 */
@Transactional(Transactional.TxType.REQUIRED)
public abstract class ReferenceDataService<E extends ReferenceEntry> {

    // "code" is the entity id, so PageQuery's tie-breaker on "id" repeats the code: the order is stable
    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name");

    @Inject
    Clock clock;

    /** The repository of the list's entries. */
    protected abstract PanacheRepositoryBase<E, String> repository();

    /** A new, empty entry. */
    protected abstract E newEntry();

    /** What one entry is called in messages, e.g. "industry". */
    protected abstract String noun();

    /** The name of the table's primary key constraint, to recognise a concurrent duplicate. */
    protected abstract String primaryKeyConstraint();

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ReferenceEntryResponse> list(PageQuery page) {
        return PageResponse.of(repository().findAll(page.toSort(SORTABLE, "code")), page, ReferenceEntryResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReferenceEntryResponse get(String code) {
        return ReferenceEntryResponse.from(load(code));
    }

    /** The entry with this code, if there is one: for other services that refer to the list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReferenceEntryResponse> find(String code) {
        return repository().findByIdOptional(code).map(ReferenceEntryResponse::from);
    }

    public ReferenceEntryResponse create(ReferenceEntryRequest request) {
        if (repository().findByIdOptional(request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        E entry = newEntry();
        entry.code = request.code();
        apply(entry, request);
        entry.createdAt = now();
        entry.updatedAt = entry.createdAt;
        try {
            repository().persistAndFlush(entry);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, primaryKeyConstraint())) {
                throw duplicate(request.code());
            }
            throw e;
        }
        return ReferenceEntryResponse.from(entry);
    }

    /** Changes names and description; the code is the identity and must be repeated unchanged (else 400). */
    public ReferenceEntryResponse update(String code, long expectedVersion, ReferenceEntryRequest request) {
        E entry = load(code);
        ETags.requireVersion(entry.version, expectedVersion);
        if (!entry.code.equals(request.code())) {
            throw ApiException.invalid("code", "cannot change; it must be " + entry.code);
        }
        apply(entry, request);
        entry.updatedAt = now();
        repository().flush();
        return ReferenceEntryResponse.from(entry);
    }

    private E load(String code) {
        return repository().findByIdOptional(code).orElseThrow(() -> ApiException.notFound(noun(), code));
    }

    private ApiException duplicate(String code) {
        return ApiException.conflict(noun() + " " + code + " already exists");
    }

    private static void apply(ReferenceEntry entry, ReferenceEntryRequest request) {
        entry.name = request.name().strip();
        entry.nameKo = blankToNull(request.nameKo());
        entry.description = blankToNull(request.description());
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
