package dev.tubebatch.search;

import java.util.List;

/**
 * A page of hits, best first. There is no total: counting every match of a common word costs more than the page.
 *
 * @param hasMore whether a next page has hits
 */
public record SearchPage(SearchQuery query, List<SearchHit> hits, boolean hasMore) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
