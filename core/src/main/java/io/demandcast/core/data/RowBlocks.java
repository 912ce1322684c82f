package io.demandcast.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        int[] series = new int[n];
        int at = 0;
        for (Block b : blocks) {
            System.arraycopy(b.series, 0, series, at, b.size);
            at += b.size;
            b.series = null;
        }
        int[] day = new int[n];
        at = 0;
        for (Block b : blocks) {
            System.arraycopy(b.day, 0, day, at, b.size);
            at += b.size;
            b.day = null;
        }
        int[] line = new int[n];
        at = 0;
        for (Block b : blocks) {
            System.arraycopy(b.line, 0, line, at, b.size);
            at += b.size;
            b.line = null;
        }
        double[] target = new double[n];
        at = 0;
        for (Block b : blocks) {
            System.arraycopy(b.target, 0, target, at, b.size);
            at += b.size;
            b.target = null;
        }
        double[][] covariates = new double[numeric][];
        for (int c = 0; c < numeric; c++) {
            covariates[c] = new double[n];
            at = 0;
            for (Block b : blocks) {
                System.arraycopy(b.covariates[c], 0, covariates[c], at, b.size);
                at += b.size;
                b.covariates[c] = null;
            }
        }
        int[][] codes = new int[categorical][];
        for (int c = 0; c < categorical; c++) {
            codes[c] = new int[n];
            at = 0;
            for (Block b : blocks) {
                System.arraycopy(b.categorical[c], 0, codes[c], at, b.size);
                at += b.size;
                b.categorical[c] = null;
            }
        }
        blocks.clear();
        current = null;
        long[] starts = fileStarts.stream().mapToLong(Long::longValue).toArray();
        return new Flat(n, series, day, line, target, covariates, codes, starts);
    }
}
