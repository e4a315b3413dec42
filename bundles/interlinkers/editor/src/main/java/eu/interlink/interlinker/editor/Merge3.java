package eu.interlink.interlinker.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A three-way merge of block lists (a document's paragraphs, headings, lists…): the base both editors started
 * from, the change being saved ("mine") and the change saved meanwhile ("theirs"). Where only one side changed
 * a region, that side wins; where both changed it alike, the change is taken once; where both changed it
 * differently, it is a conflict, and the caller refuses the save rather than pick a winner. Regions of equal
 * length on both sides are resolved block by block, so that two people editing neighbouring paragraphs do not
 * conflict.
 */
final class Merge3 {
    /** Above this many cells the alignment of a changed middle is not computed: it counts as changed whole. */
    private static final long MAX_CELLS = 4_000_000L;

    /** A region both sides changed differently, in base block positions. */
    record Conflict(int baseFrom, int baseTo, List<String> base, List<String> mine, List<String> theirs) {
    }

    record Result(List<String> merged, List<Conflict> conflicts) {
        boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private Merge3() {
    }

    static Result merge(List<String> base, List<String> mine, List<String> theirs) {
        int[] toMine = align(base, mine);
        int[] toTheirs = align(base, theirs);
        List<String> merged = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int i = 0;
        int a = 0;
        int b = 0;
        while (true) {
            if (i < base.size() && toMine[i] == a && toTheirs[i] == b) {
                merged.add(base.get(i));
                i++;
                a++;
                b++;
                continue;
            }
            // The next base block both sides kept closes the changed region.
            int j = i;
            while (j < base.size() && (toMine[j] < 0 || toTheirs[j] < 0)) {
                j++;
            }
            int aEnd = j < base.size() ? toMine[j] : mine.size();
            int bEnd = j < base.size() ? toTheirs[j] : theirs.size();
            resolve(i, base.subList(i, j), mine.subList(a, aEnd), theirs.subList(b, bEnd), merged, conflicts);
            if (j >= base.size()) {
                break;
            }
            i = j;
            a = aEnd;
            b = bEnd;
        }
        return new Result(merged, conflicts);
    }

    private static void resolve(int at, List<String> base, List<String> mine, List<String> theirs, List<String> merged,
                                List<Conflict> conflicts) {
        if (mine.equals(base)) {
            merged.addAll(theirs);
        } else if (theirs.equals(base) || mine.equals(theirs)) {
            merged.addAll(mine);
        } else if (base.size() > 1 && mine.size() == base.size() && theirs.size() == base.size()) {
            for (int k = 0; k < base.size(); k++) {
                resolve(at + k, base.subList(k, k + 1), mine.subList(k, k + 1), theirs.subList(k, k + 1), merged, conflicts);
            }
        } else {
            conflicts.add(new Conflict(at, at + base.size(), List.copyOf(base), List.copyOf(mine), List.copyOf(theirs)));
            merged.addAll(theirs); // what is there now stays until someone resolves it
        }
    }

    /**
     * For each base block, the position of the same block in {@code other} along a longest common subsequence,
     * or -1 when it was changed or removed. Common head and tail are matched first: edits are usually local.
     */
    static int[] align(List<String> base, List<String> other) {
        int[] match = new int[base.size()];
        Arrays.fill(match, -1);
        int head = 0;
        while (head < base.size() && head < other.size() && Objects.equals(base.get(head), other.get(head))) {
            match[head] = head;
            head++;
        }
        int tail = 0;
        while (tail < base.size() - head && tail < other.size() - head
                && Objects.equals(base.get(base.size() - 1 - tail), other.get(other.size() - 1 - tail))) {
            match[base.size() - 1 - tail] = other.size() - 1 - tail;
            tail++;
        }
        int n = base.size() - head - tail;
        int m = other.size() - head - tail;
        if (n == 0 || m == 0 || (long) n * m > MAX_CELLS) {
            return match;
        }
        // lcs[x][y]: the longest common subsequence of base[head+x..] and other[head+y..].
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = Objects.equals(base.get(head + x), other.get(head + y))
                        ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        int x = 0;
        int y = 0;
        while (x < n && y < m) {
            if (Objects.equals(base.get(head + x), other.get(head + y))) {
                match[head + x] = head + y;
                x++;
                y++;
            } else if (lcs[x + 1][y] >= lcs[x][y + 1]) {
                x++;
            } else {
                y++;
            }
        }
        return match;
    }
}
