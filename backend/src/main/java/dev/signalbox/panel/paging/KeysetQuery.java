package dev.signalbox.panel.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * A page of entities in the order (sort attribute, id), read with a keyset condition instead of
 * an offset: the next page starts strictly after the last (key, id) returned, whatever was
 * inserted or deleted meanwhile. Filters are conditions; a feature adds its own (e.g. by tag)
 * with {@link #where(Condition)}.
 */
public final class KeysetQuery<E> {

    /** A condition on the entity, e.g. {@code (root, cb) -> cb.equal(root.get("tenantId"), tenantId)}. */
    @FunctionalInterface
    public interface Condition<E> {
        Predicate on(Root<E> root, CriteriaBuilder builder);
    }

    private final EntityManager entityManager;
    private final Class<E> type;
    private final String sortAttribute;
    private final List<Condition<E>> conditions = new ArrayList<>();

    private KeysetQuery(EntityManager entityManager, Class<E> type, String sortAttribute) {
        this.entityManager = entityManager;
        this.type = type;
        this.sortAttribute = sortAttribute;
    }

    /** Entities of {@code type} ordered by {@code sortAttribute}, then by their {@code id}. */
    public static <E> KeysetQuery<E> of(EntityManager entityManager, Class<E> type, String sortAttribute) {
        return new KeysetQuery<>(entityManager, type, sortAttribute);
    }

    public KeysetQuery<E> whereEqual(String attribute, Object value) {
        return where((root, builder) -> builder.equal(root.get(attribute), value));
    }

    public KeysetQuery<E> where(Condition<E> condition) {
        conditions.add(condition);
        return this;
    }

    /** Keeps the entities whose {@code attribute} matches the filter. */
    public KeysetQuery<E> named(String attribute, NameFilter filter) {
        if (filter.exact() != null) {
            String exact = filter.exact();
            where((root, builder) -> builder.equal(root.get(attribute), exact));
        }
        String pattern = filter.likePattern();
        if (pattern != null) {
            where((root, builder) -> builder.like(root.get(attribute), pattern, '\\'));
        }
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Page<E> page(PageQuery query) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> criteria = builder.createTupleQuery();
        Root<E> root = criteria.from(type);
        Path<Comparable> key = root.get(sortAttribute);
        Path<UUID> id = root.get("id");
        List<Predicate> predicates = new ArrayList<>();
        conditions.forEach(condition -> predicates.add(condition.on(root, builder)));
        if (query.cursor() != null) {
            Cursor after = Cursor.decode(query.cursor(), 2);
            Comparable lastKey = parse(after.values().get(0), key.getJavaType());
            UUID lastId = parseId(after.values().get(1));
            predicates.add(builder.or(builder.greaterThan(key, lastKey),
                    builder.and(builder.equal(key, lastKey), builder.greaterThan(id, lastId))));
        }
        criteria.multiselect(root, key, id).where(predicates.toArray(Predicate[]::new))
                .orderBy(builder.asc(key), builder.asc(id));
        List<Tuple> rows = entityManager.createQuery(criteria).setMaxResults(query.limit() + 1).getResultList();
        return Page.of(rows, query.limit(), row -> Cursor.of(row.get(1), row.get(2))).map(row -> type.cast(row.get(0)));
    }

    @SuppressWarnings("rawtypes")
    private static Comparable parse(String value, Class<?> type) {
        try {
            if (type == String.class) {
                return value;
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Instant.class) {
                return Instant.parse(value);
            }
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        throw new IllegalStateException("No keyset pagination over attributes of type " + type);
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
