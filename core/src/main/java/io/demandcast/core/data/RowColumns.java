package io.demandcast.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows a {@link PanelCsvReader} reads, in one array per column. The reader counts the line breaks
 * of its files first and makes the columns that size, so rows are written where they stay: no block
 * is joined into a column afterwards, and the large arrays are made while the heap is still empty (a
 * collector needs contiguous room for an array of hundreds of MB). When the count overstates the rows
 * (empty lines, quoted line breaks, rows of series not selected), {@link #trim} copies each column to
 * its length, one column at a time. A store made {@link #growable} (for the series a selection keeps,
 * often far fewer than the file's lines) instead grows as rows arrive.
 *
 * <p>No line number is kept per row (it was 4 bytes a row): an error message about a row finds its
 * line by reading the file again (see {@code PanelCsvReader}).
 */
final class RowColumns {
    /** The most rows a panel holds: the largest array a JVM makes. */
    static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    int size;
    int[] series;
    int[] day;
    double[] target;
    final double[][] covariates;
    final int[][] categorical;
    private final boolean growable;
    private final List<Integer> fileStarts = new ArrayList<>();

    private RowColumns(int capacity, int numeric, int categoricalCount, boolean growable) {
        this.growable = growable;
        series = new int[capacity];
        day = new int[capacity];
        target = new double[capacity];
        covariates = new double[numeric][capacity];
        categorical = new int[categoricalCount][capacity];
    }

    /**
     * Columns for at most {@code capacity} rows.
     *
     * @throws DataException when that is more rows than an array holds
     */
    static RowColumns sized(long capacity, int numeric, int categoricalCount, String where) {
        if (capacity > MAX_ROWS) {
            throw new DataException(where + ": " + capacity + " lines are more than one panel holds (2,147,483,639 rows); split the data");
        }
        return new RowColumns((int) capacity, numeric, categoricalCount, false);
    }

    /** Columns that grow as rows are added (by half their size each time). */
    static RowColumns growable(int numeric, int categoricalCount) {
        return new RowColumns(1 << 12, numeric, categoricalCount, true);
    }

    int capacity() {
        return target.length;
    }

    /**
     * Room for row {@code r} (the caller writes rows in order, each at most one past the last): a
     * growable store grows; a sized one is too small only when its file grew after it was counted.
     */
    void ensure(int r, String where) {
        if (r < target.length) {
            return;
        }
        if (!growable) {
            throw new DataException(where + ": the file changed while it was read (it has more lines than when counted); read it again");
        }
        long grown = Math.max(r + 1L, target.length + (target.length >> 1) + 16L);
        if (grown > MAX_ROWS) {
            if (r >= MAX_ROWS) {
                throw new DataException(where + ": more rows than one panel holds (2,147,483,639); split the data");
            }
            grown = MAX_ROWS;
        }
        int n = (int) grown;
        series = Arrays.copyOf(series, n);
        day = Arrays.copyOf(day, n);
        target = Arrays.copyOf(target, n);
        for (int c = 0; c < covariates.length; c++) {
            covariates[c] = Arrays.copyOf(covariates[c], n);
        }
        for (int c = 0; c < categorical.length; c++) {
            categorical[c] = Arrays.copyOf(categorical[c], n);
        }
    }

    /** The rows read next come from the next file. */
    void startFile() {
        fileStarts.add(size);
    }

    /** Moves {@code count} rows from {@code from} down to {@code to} ({@code to <= from}), closing the gap a range left. */
    void moveDown(int from, int to, int count) {
        if (from == to || count == 0) {
            return;
        }
        System.arraycopy(series, from, series, to, count);
        System.arraycopy(day, from, day, to, count);
        System.arraycopy(target, from, target, to, count);
        for (double[] c : covariates) {
            System.arraycopy(c, from, c, to, count);
        }
        for (int[] c : categorical) {
            System.arraycopy(c, from, c, to, count);
        }
    }

    /** Appends {@code count} rows of {@code other} from row {@code from}. */
    void append(RowColumns other, int from, int count, String where) {
        if (count == 0) {
            return;
        }
        ensure(size + count - 1, where);
        System.arraycopy(other.series, from, series, size, count);
        System.arraycopy(other.day, from, day, size, count);
        System.arraycopy(other.target, from, target, size, count);
        for (int c = 0; c < covariates.length; c++) {
            System.arraycopy(other.covariates[c], from, covariates[c], size, count);
        }
        for (int c = 0; c < categorical.length; c++) {
            System.arraycopy(other.categorical[c], from, categorical[c], size, count);
        }
        size += count;
    }

    /** Each column cut to {@link #size} rows; a column already that long is kept as it is. */
    void trim() {
        if (size == target.length) {
            return;
        }
        series = Arrays.copyOf(series, size);
        day = Arrays.copyOf(day, size);
        target = Arrays.copyOf(target, size);
        for (int c = 0; c < covariates.length; c++) {
            covariates[c] = Arrays.copyOf(covariates[c], size);
        }
        for (int c = 0; c < categorical.length; c++) {
            categorical[c] = Arrays.copyOf(categorical[c], size);
        }
    }

    /** The file (index into the files read) row {@code r} came from. */
    int file(int r) {
        int i = fileStarts.size() - 1;
        // Files without rows share their start with the next: the last of them holds the row.
        while (i > 0 && fileStarts.get(i) > r) {
            i--;
        }
        return i;
    }

    /** The first row of file {@code f}. */
    int fileStart(int f) {
        return fileStarts.get(f);
    }
}
