package org.sweetshop.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.SoldBy;

/**
 * The till's local copy of the catalogue ({@code DATA_DIR/journal/catalogue.json}): SKUs, ids,
 * names, prices and whether each is on sale, as the store database said when the till last loaded
 * it online. Offline, baskets are priced from it. Written durably, like the journal.
 */
public final class CatalogueSnapshot {

    /**
     * A sweet as the snapshot keeps it: a weighed sweet's price is per kilogram. A snapshot written
     * before weighed sweets has no {@code soldBy}: its sweets were all counted.
     */
    public record Item(long id, String sku, String name, BigDecimal price, boolean active, SoldBy soldBy) {

        public Item {
            soldBy = soldBy == null ? SoldBy.COUNTED : soldBy;
        }

        /** A counted sweet. */
        public Item(long id, String sku, String name, BigDecimal price, boolean active) {
            this(id, sku, name, price, active, SoldBy.COUNTED);
        }
    }

    /** The file's content. */
    public record Content(Instant takenAt, List<Item> sweets) {
    }

    private final Path file;

    private CatalogueSnapshot(Path file) {
        this.file = file;
    }

    public static CatalogueSnapshot in(Path dataDir) {
        return new CatalogueSnapshot(dataDir.resolve("journal").resolve("catalogue.json"));
    }

    /** Replaces the snapshot with the catalogue as just read from the store database. */
    public void save(List<SweetView> catalogue, Instant takenAt) {
        List<Item> items = catalogue.stream().map(s -> new Item(s.id(), s.sku(), s.name(), s.price(), s.active(), s.soldBy())).toList();
        try {
            DurableFiles.write(file, Journal.JSON.writeValueAsBytes(new Content(takenAt, items)), () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The last snapshot; empty when this till has never loaded the catalogue online. */
    public Optional<Content> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Journal.JSON.readValue(file.toFile(), Content.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
