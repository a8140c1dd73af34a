package eu.impactlab.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Small-number protection for one table of counts. Primary: every cell of 1 to 4 cases is hidden (0 stays visible:
 * "nobody" reveals no person, and the district table must show where the labs reach nobody). Secondary: in every
 * additive relation (a total and its parts) either no member or at least two members are hidden, so no hidden cell
 * can be computed by subtracting the visible ones from the total; the complementary cell is the smallest non-zero
 * visible member, so as little as possible disappears. Cells that are never shown themselves (the "not solved" part
 * of a share) take part too, so a visible share cannot reveal them.
 */
final class Suppression {

    static final int MIN_CASES = 5;

    /** {@code total = sum(parts)}, as indices into the table's cells. */
    record Relation(int total, int... parts) {
    }

    private Suppression() {
    }

    static boolean primary(long value) {
        return value > 0 && value < MIN_CASES;
    }

    /** @return for each cell whether it must be hidden */
    static boolean[] apply(long[] values, List<Relation> relations) {
        boolean[] hidden = new boolean[values.length];
        List<List<Relation>> byCell = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            byCell.add(new ArrayList<>(2));
        }
        for (Relation relation : relations) {
            byCell.get(relation.total()).add(relation);
            for (int part : relation.parts()) {
                byCell.get(part).add(relation);
            }
        }
        Deque<Relation> todo = new ArrayDeque<>();
        for (int i = 0; i < values.length; i++) {
            if (primary(values[i])) {
                hidden[i] = true;
                todo.addAll(byCell.get(i));
            }
        }
        while (!todo.isEmpty()) {
            Relation relation = todo.poll();
            if (hiddenMembers(relation, hidden) != 1) {
                continue;
            }
            int complement = smallestVisible(relation, values, hidden);
            if (complement >= 0) {
                hidden[complement] = true;
                todo.addAll(byCell.get(complement));
            }
        }
        return hidden;
    }

    private static int hiddenMembers(Relation relation, boolean[] hidden) {
        int count = hidden[relation.total()] ? 1 : 0;
        for (int part : relation.parts()) {
            if (hidden[part]) {
                count++;
            }
        }
        return count;
    }

    /** The smallest visible member with cases, or a visible zero if nothing else is left. */
    private static int smallestVisible(Relation relation, long[] values, boolean[] hidden) {
        int best = -1;
        int zero = -1;
        for (int part : relation.parts()) {
            if (!hidden[part]) {
                if (values[part] != 0 && (best < 0 || values[part] < values[best])) {
                    best = part;
                } else if (values[part] == 0 && zero < 0) {
                    zero = part;
                }
            }
        }
        if (best < 0 && !hidden[relation.total()] && values[relation.total()] != 0) {
            best = relation.total();
        }
        return best >= 0 ? best : zero;
    }
}
