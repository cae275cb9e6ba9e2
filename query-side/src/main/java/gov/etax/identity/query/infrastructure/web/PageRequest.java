package gov.etax.identity.query.infrastructure.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=&cursor=} of a list endpoint. A cursor is opaque to clients: the sort key of the last
 * item of the previous page, base64url-encoded. Every list sorts on a key that ends in a unique id,
 * so a page boundary never skips or repeats an item, even while new items arrive.
 *
 * @param after the sort key to continue after, null for the first page
 */
public record PageRequest(List<String> after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String SEPARATOR = "\u001f";

    public static PageRequest of(Integer limit, String cursor, int keyParts) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw PagingReason.INVALID_LIMIT.refusal();
        }
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(null, size);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> key = Arrays.asList(decoded.split(SEPARATOR, -1));
            // PostgreSQL refuses NUL in text: a forged cursor must be a 400, never a failed query.
            if (key.size() != keyParts || key.stream().anyMatch(part -> part.chars().anyMatch(Character::isISOControl))) {
                throw PagingReason.INVALID_CURSOR.refusal();
            }
            return new PageRequest(key, size);
        } catch (IllegalArgumentException e) {
            throw PagingReason.INVALID_CURSOR.refusal();
        }
    }

    /** The key part at {@code index} as an instant within the years the database stores (1..9999). */
    public Instant instantAt(int index) {
        try {
            Instant instant = Instant.parse(after.get(index));
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw PagingReason.INVALID_CURSOR.refusal();
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw PagingReason.INVALID_CURSOR.refusal();
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static String cursor(List<String> key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
    }

    /** Fetch one more row than the page holds: its presence says there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    public <T> Page<T> page(List<T> rows, java.util.function.Function<T, List<String>> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(items, cursor(keyOf.apply(items.get(items.size() - 1))));
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }
}
