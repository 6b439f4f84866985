package io.tenantry.faces;

import java.io.Serializable;
import java.util.List;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;

/**
 * Where a page stands in a list it shows newest first, a few rows at a time (a case's comments or
 * history, which can hold tens of thousands): the window to read next, and whether there are
 * older or newer rows to move to. Only the window shown is ever read or kept in the view.
 */
public final class NewestFirst implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int size;
    private int offset;
    private long total;

    /** {@code size}: rows a window shows, from 1 to {@link ListQuery#MAX_LIMIT}. */
    public NewestFirst(int size) {
        if (size < 1 || size > ListQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("A window of 1 to " + ListQuery.MAX_LIMIT + " rows, not " + size);
        }
        this.size = size;
    }

    /** The window to read: newest first, from the current position. */
    public ListQuery window() {
        return new ListQuery(offset, size, null, true, null);
    }

    /** Notes how many rows the list has, as the window read says; gives the window's rows. */
    public <T> List<T> shown(ResultPage<T> read) {
        total = read.total();
        return read.items();
    }

    /** Back to the newest rows (after adding one, say). */
    public void newest() {
        offset = 0;
    }

    public void older() {
        if (hasOlder()) {
            offset += size;
        }
    }

    public void newer() {
        offset = Math.max(0, offset - size);
    }

    public boolean hasOlder() {
        return offset + size < total;
    }

    public boolean hasNewer() {
        return offset > 0;
    }

    /** The position of the first row shown, counted from 1 (0 for an empty list). */
    public long getFirst() {
        return total == 0 ? 0 : offset + 1;
    }

    /** The position of the last row shown. */
    public long getLast() {
        return Math.min(total, (long) offset + size);
    }

    public long getTotal() {
        return total;
    }
}
