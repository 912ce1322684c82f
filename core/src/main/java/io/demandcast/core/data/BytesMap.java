package io.demandcast.core.data;

import java.util.Arrays;

/**
 * A map from byte strings (ids, levels, dates as written in the file) to ints, looked up straight
 * from a buffer range, so that a cell that was met before costs a hash and a compare rather than a
 * String. Keys are kept in insertion order. Not thread-safe.
 */
final class BytesMap {
    /** What {@link #get} returns for a key that is absent. */
    static final int ABSENT = Integer.MIN_VALUE;

    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] keyStart = new int[64];
    private int[] keyLength = new int[64];
    private int[] values = new int[64];
    private int[] hashes = new int[64];
    private int size;
    /** Open addressing: entry index + 1, 0 when free. */
    private int[] table = new int[128];

    int size() {
        return size;
    }

    int get(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                return ABSENT;
            }
            if (hashes[e] == h && Arrays.equals(arena, keyStart[e], keyStart[e] + keyLength[e], b, from, to)) {
                return values[e];
            }
        }
    }

    int get(byte[] key) {
        return get(key, 0, key.length);
    }

    /** Adds a key that is absent; returns its insertion index. */
    int put(byte[] b, int from, int to, int value) {
        if (size * 2 >= table.length) {
            rehash();
        }
        int len = to - from;
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(b, from, arena, arenaSize, len);
        if (size == values.length) {
            int cap = size * 2;
            keyStart = Arrays.copyOf(keyStart, cap);
            keyLength = Arrays.copyOf(keyLength, cap);
            values = Arrays.copyOf(values, cap);
            hashes = Arrays.copyOf(hashes, cap);
        }
        int h = hash(b, from, to);
        keyStart[size] = arenaSize;
        keyLength[size] = len;
        values[size] = value;
        hashes[size] = h;
        arenaSize += len;
        insert(size, h);
        return size++;
    }

    int put(byte[] key, int value) {
        return put(key, 0, key.length, value);
    }

    /** The key inserted {@code i}-th. */
    byte[] key(int i) {
        return Arrays.copyOfRange(arena, keyStart[i], keyStart[i] + keyLength[i]);
    }

    /** The value of the key inserted {@code i}-th. */
    int value(int i) {
        return values[i];
    }

    private void insert(int e, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = e + 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int e = 0; e < size; e++) {
            insert(e, hashes[e]);
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        // Spread the low bits, which pick the slot.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
