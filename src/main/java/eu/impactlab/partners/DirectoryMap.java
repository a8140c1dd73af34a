package eu.impactlab.partners;

import java.util.List;
import java.util.Map;

/**
 * A schematic map of Bremen's Stadtteile drawn by the app: one tile per Stadtteil (and the four Ortsteile directly
 * under a Stadtbezirk), placed roughly as the city lies, from Blumenthal in the north-west along the Weser to
 * Hemelingen and Obervieland in the south-east. No map tiles, no scripts: the page draws it as inline SVG.
 */
final class DirectoryMap {

    static final int TILE_WIDTH = 120;
    static final int TILE_HEIGHT = 64;
    static final int GAP = 6;
    static final int COLUMNS = 7;
    static final int ROWS = 6;

    /** A tile with the lines of its name, where it is drawn, and how many public entries the Stadtteil has. */
    record Tile(String stadtteil, String stadtbezirk, List<String> lines, int x, int y, long count) {
        public int width() {
            return TILE_WIDTH;
        }

        public int height() {
            return TILE_HEIGHT;
        }

        public int centre() {
            return x + TILE_WIDTH / 2;
        }
    }

    private record Place(String stadtteil, int column, int row) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Blumenthal", 0, 0), new Place("Vegesack", 1, 0), new Place("Burglesum", 2, 1),
            new Place("Blockland", 3, 1), new Place("Borgfeld", 5, 1),
            new Place("Gröpelingen", 2, 2), new Place("Findorff", 3, 2), new Place("Schwachhausen", 4, 2),
            new Place("Horn-Lehe", 5, 2), new Place("Oberneuland", 6, 2),
            new Place("Seehausen", 0, 3), new Place("Häfen", 1, 3), new Place("Walle", 2, 3), new Place("Mitte", 3, 3),
            new Place("Östliche Vorstadt", 4, 3), new Place("Vahr", 5, 3), new Place("Osterholz", 6, 3),
            new Place("Strom", 0, 4), new Place("Woltmershausen", 2, 4), new Place("Neustadt", 3, 4),
            new Place("Hemelingen", 5, 4),
            new Place("Huchting", 2, 5), new Place("Obervieland", 4, 5));

    private DirectoryMap() {
    }

    static int width() {
        return COLUMNS * (TILE_WIDTH + GAP) - GAP;
    }

    static int height() {
        return ROWS * (TILE_HEIGHT + GAP) - GAP;
    }

    static List<String> stadtteile() {
        return PLACES.stream().map(Place::stadtteil).toList();
    }

    static List<Tile> tiles(Map<String, Long> counts) {
        return PLACES.stream().map(p -> new Tile(p.stadtteil(),
                eu.impactlab.platform.BremenDistricts.stadtbezirkOf(p.stadtteil()), lines(p.stadtteil()),
                p.column() * (TILE_WIDTH + GAP), p.row() * (TILE_HEIGHT + GAP), counts.getOrDefault(p.stadtteil(), 0L)))
                .toList();
    }

    /** A name of two words on two lines, so the tiles can stay small. */
    private static List<String> lines(String name) {
        int cut = name.indexOf(' ');
        return cut > 0 ? List.of(name.substring(0, cut), name.substring(cut + 1)) : List.of(name);
    }
}
