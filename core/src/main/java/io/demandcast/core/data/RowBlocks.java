package io.demandcast.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The rows a {@link PanelCsvReader} has read, column-wise in blocks of {@value #BLOCK} rows, so the
 * store grows by a block and never copies what it holds (a doubling array would peak at twice its
 * rows, three times during the copy). {@link #flatten} makes one array per column, freeing each
 * column's blocks as it goes, so it peaks at the blocks plus one column.
 */
final class RowBlocks {
    static final int BLOCK = 1 << 16;

    /** One block of rows; blocks of different readers may be partly filled. */
    static final class Block {
        int size;
        int[] series = new int[BLOCK];
        int[] day = new int[BLOCK];
        int[] line = new int[BLOCK];
        double[] target = new double[BLOCK];
        double[][] covariates;
        int[][] categorical;

        Block(int numeric, int categoricalCount) {
            covariates = new double[numeric][BLOCK];
            categorical = new int[categoricalCount][BLOCK];
        }
    }

    /** The rows in flat arrays, and the first row of each file. */
    static final class Flat {
        final int size;
        final int[] series;
        final int[] day;
        final int[] line;
        double[] target;
        final double[][] covariates;
        final int[][] categorical;
        private final long[] fileStarts;

        Flat(int size, int[] series, int[] day, int[] line, double[] target, double[][] covariates, int[][] categorical, long[] fileStarts) {
            this.size = size;
            this.series = series;
            this.day = day;
            this.line = line;
            this.target = target;
            this.covariates = covariates;
            this.categorical = categorical;
            this.fileStarts = fileStarts;
        }

        /** The file (index into the files read) row {@code r} came from. */
        int file(int r) {
            int i = Arrays.binarySearch(fileStarts, r);
            if (i < 0) {
                i = -i - 2;
            }
            // Files without rows share their start with the next: the last of them holds the row.
            while (i + 1 < fileStarts.length && fileStarts[i + 1] == r) {
                i++;
            }
            return i;
        }
    }

    private final int numeric;
    private final int categorical;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Long> fileStarts = new ArrayList<>();
    private Block current;
    private long size;

    RowBlocks(int numeric, int categorical) {
        this.numeric = numeric;
        this.categorical = categorical;
    }

    long size() {
        return size;
    }

    /** The block the next row goes to, with room for it; the caller fills slot {@code size++} of it. */
    Block room() {
        if (current == null || current.size == BLOCK) {
            current = new Block(numeric, categorical);
            blocks.add(current);
        }
        size++;
        return current;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The rows read next come from the next file. */
    void startFile() {
        fileStarts.add(size);
    }

    /** Appends the blocks of {@code other} (taking them over) after these rows. */
    void append(RowBlocks other) {
        blocks.addAll(other.blocks);
        size += other.size;
        current = null;
        other.blocks.clear();
    }

    /**
     * One array per column; the blocks are released column by column.
     *
     * @throws DataException when there are more rows than an array holds
     */
    Flat flatten(String where) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataException(where + ": " + size + " rows are more than one panel holds (2,147,483,639); split the data");
        }
        int n = (int) size;
        int[] series = join(new int[n], b -> { int[] a = b.series; b.series = null; return a; });
        int[] day = join(new int[n], b -> { int[] a = b.day; b.day = null; return a; });
        int[] line = join(new int[n], b -> { int[] a = b.line; b.line = null; return a; });
        double[] target = join(new double[n], b -> { double[] a = b.target; b.target = null; return a; });
        double[][] covariates = new double[numeric][];
        for (int c = 0; c < numeric; c++) {
            int column = c;
            covariates[c] = join(new double[n], b -> { double[] a = b.covariates[column]; b.covariates[column] = null; return a; });
        }
        int[][] codes = new int[categorical][];
        for (int c = 0; c < categorical; c++) {
            int column = c;
            codes[c] = join(new int[n], b -> { int[] a = b.categorical[column]; b.categorical[column] = null; return a; });
        }
        blocks.clear();
        current = null;
        long[] starts = fileStarts.stream().mapToLong(Long::longValue).toArray();
        return new Flat(n, series, day, line, target, covariates, codes, starts);
    }

    /**
     * Concatenates one column of every block into {@code into}. {@code take} hands over a block's array
     * and drops the block's reference to it, so each block array can be collected as soon as it is
     * copied: the read peaks at one column held twice, never the whole row set.
     */
    private <A> A join(A into, Function<Block, A> take) {
        int at = 0;
        for (Block b : blocks) {
            System.arraycopy(take.apply(b), 0, into, at, b.size);
            at += b.size;
        }
        return into;
    }
}
