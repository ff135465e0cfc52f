package org.sweetshop.ui.till.sell;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/** An observable copy of a plain list, changed as little as needed so a list view keeps its selection. */
final class Lists {

    private Lists() {
    }

    /** Makes {@code shown} equal {@code now}: one line set, added at the end or removed where it can, else all set. */
    static <T> void follow(ObservableList<T> shown, List<T> now) {
        if (shown.size() == now.size()) {
            for (int i = 0; i < now.size(); i++) {
                if (!Objects.equals(shown.get(i), now.get(i))) {
                    shown.set(i, now.get(i));
                }
            }
        } else if (shown.size() + 1 == now.size() && shown.equals(now.subList(0, shown.size()))) {
            shown.add(now.get(now.size() - 1));
        } else if (shown.size() == now.size() + 1) {
            int gone = 0;
            while (gone < now.size() && Objects.equals(shown.get(gone), now.get(gone))) {
                gone++;
            }
            if (shown.subList(gone + 1, shown.size()).equals(now.subList(gone, now.size()))) {
                shown.remove(gone);
            } else {
                shown.setAll(now);
            }
        } else {
            shown.setAll(now);
        }
    }
}
