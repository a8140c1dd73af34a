package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Suppression over random tables with row totals, column totals and a grand total, many of them small numbers:
 * nothing from 1 to 4 is ever visible, and no hidden cell is the only hidden member of a total and its parts, so
 * none can be computed by subtraction.
 */
class SuppressionPropertiesTest {

    /** A table of rows x cols inner cells plus a total column, a total row and the grand total. */
    record Grid(int rows, int cols, long[] values, List<Suppression.Relation> relations) {

        static Grid of(long[][] inner) {
            int rows = inner.length;
            int cols = inner[0].length;
            int width = cols + 1;
            long[] values = new long[(rows + 1) * width];
            List<Suppression.Relation> relations = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    values[r * width + c] = inner[r][c];
                    values[r * width + cols] += inner[r][c];
                    values[rows * width + c] += inner[r][c];
                    values[rows * width + cols] += inner[r][c];
                }
            }
            for (int r = 0; r <= rows; r++) {
                int[] parts = new int[cols];
                for (int c = 0; c < cols; c++) {
                    parts[c] = r * width + c;
                }
                relations.add(new Suppression.Relation(r * width + cols, parts));
            }
            for (int c = 0; c <= cols; c++) {
                int[] parts = new int[rows];
                for (int r = 0; r < rows; r++) {
                    parts[r] = r * width + c;
                }
                relations.add(new Suppression.Relation(rows * width + c, parts));
            }
            return new Grid(rows, cols, values, relations);
        }
    }

    @Provide
    Arbitrary<Grid> grids() {
        // Mostly small counts, some zeros and some large ones, as in a lab's week.
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 4)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(5, 400)));
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 8))
                .flatAs((rows, cols) -> count.array(long[].class).ofSize(cols).array(long[][].class).ofSize(rows)
                        .map(Grid::of));
    }

    @Property(tries = 2000)
    void noVisibleCellHoldsOneToFourCases(@ForAll("grids") Grid grid) {
        boolean[] hidden = Suppression.apply(grid.values(), grid.relations());
        for (int i = 0; i < hidden.length; i++) {
            if (!hidden[i]) {
                assertThat(grid.values()[i]).as("visible cell %d", i).satisfiesAnyOf(
                        v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(5));
            }
        }
    }

    @Property(tries = 2000)
    void noHiddenCellFollowsFromATotalByDifference(@ForAll("grids") Grid grid) {
        boolean[] hidden = Suppression.apply(grid.values(), grid.relations());
        for (Suppression.Relation relation : grid.relations()) {
            int hiddenMembers = hidden[relation.total()] ? 1 : 0;
            for (int part : relation.parts()) {
                hiddenMembers += hidden[part] ? 1 : 0;
            }
            assertThat(hiddenMembers).as("hidden members of a total and its parts").isNotEqualTo(1);
        }
    }

    @Property(tries = 500)
    void aTableWithoutSmallNumbersShowsEverything(@ForAll("grids") Grid grid) {
        long[] large = grid.values().clone();
        for (int i = 0; i < large.length; i++) {
            if (Suppression.primary(large[i])) {
                large[i] = 0;
            }
        }
        Grid clean = Grid.of(inner(grid, large));
        boolean[] hidden = Suppression.apply(clean.values(), clean.relations());
        for (boolean h : hidden) {
            assertThat(h).isFalse();
        }
    }

    private static long[][] inner(Grid grid, long[] values) {
        long[][] inner = new long[grid.rows()][grid.cols()];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                inner[r][c] = values[r * (grid.cols() + 1) + c];
            }
        }
        return inner;
    }
}
