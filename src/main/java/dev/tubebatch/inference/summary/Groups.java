package dev.tubebatch.inference.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Items packed in order into consecutive groups under a size budget, the way every map-reduce summary cuts its
 * input: a group closes when the next item would take it over the budget or past {@code maxPerGroup} items; an item
 * larger than the budget is a group of its own.
 */
final class Groups {

    private Groups() {}

    static <T> List<List<T>> consecutive(List<T> items, ToIntFunction<T> size, int budget, int maxPerGroup) {
        List<List<T>> groups = new ArrayList<>();
        List<T> group = new ArrayList<>();
        int used = 0;
        for (T item : items) {
            int itemSize = size.applyAsInt(item);
            if (!group.isEmpty() && (group.size() == maxPerGroup || used + itemSize > budget)) {
                groups.add(group);
                group = new ArrayList<>();
                used = 0;
            }
            group.add(item);
            used += itemSize;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }
}
