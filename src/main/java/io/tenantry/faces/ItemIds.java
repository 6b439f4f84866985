package io.tenantry.faces;

import java.util.Optional;

import io.tenantry.platform.NoSuchItemException;

/**
 * The id of an item that a page's address names (a view parameter such as {@code case.xhtml?id=12}),
 * read as text so that no id, however malformed, ends in a conversion message on an empty page:
 * anything but a whole number from 1 to 2^63-1 names no item, as an unknown id does, and is
 * refused with {@link NoSuchItemException} (which {@code web.RefusalPages} shows as 404).
 */
public final class ItemIds {

    private ItemIds() {
    }

    /**
     * The id {@code text} gives; {@code kind}: a key of the reasons bundle under {@code kind.}, such as
     * "case". Refuses a missing, malformed, out-of-range, zero or negative id with NoSuchItemException.
     */
    public static long required(String text, String kind) {
        return optional(text, kind).orElseThrow(() -> NoSuchItemException.unreadable(kind));
    }

    /** As {@link #required}, but no id at all (absent or empty) is empty: for pages that choose one themselves. */
    public static Optional<Long> optional(String text, String kind) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.matches("[0-9]{1,19}")) { // digits only: no sign, space or other spelling of a number
            throw NoSuchItemException.unreadable(kind);
        }
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException beyondALong) {
            throw NoSuchItemException.unreadable(kind);
        }
        if (id < 1) {
            throw NoSuchItemException.unreadable(kind);
        }
        return Optional.of(id);
    }
}
