package cn.baomi.server.shared.web;

import java.util.List;

/**
 * A card on the home page: a title and a few figures, each linking to where it comes from. {@code id} names the card
 * in the page ({@code card-<id>}, figures {@code figure-<id>-<figure id>}); cards are shown by {@code order}.
 */
public record HomeCard(String id, int order, String titleKey, List<Figure> figures) {

    /** One figure: a label (message key), the number, where to look, and whether a number above 0 needs attention. */
    public record Figure(String id, String labelKey, long value, String path, boolean attention) {
    }
}
