package org.sweetshop.ui.office.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.office.OfficeTest;

/** The imports tab's model: a file is checked whole, then imported all at once. */
class ImportsViewModelTest extends OfficeTest {

    private ImportsViewModel imports;

    @BeforeEach
    void tabs() {
        imports = office.imports();
    }

    @Test
    void aCatalogueCsvWithOneBadRowIsReportedAndImportsNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("new.csv");
        java.nio.file.Files.writeString(bad, "sku,name,category,price,stock,reorder_level\n"
                + "CC-1,Cola Cubes,Boiled,0.90,40,5\n"
                + "PM-1,Pear Mints,Boiled,1.999,40,5\n"
                + "LA-1,Lemon Sherbets,Boiled,1.10,30,5\n");
        String before = Snapshot.of(app.database().dataSource());

        imports.previewCatalogueImport(bad);

        assertThat(status.messageProperty().get())
                .isEqualTo("The file new.csv has 1 problem(s): nothing will be imported until every row is right.");
        assertThat(imports.importErrors()).hasSize(1).first().asString().startsWith("row 3, price: ");
        assertThat(imports.importReadyProperty().get()).isFalse();
        imports.applyImport();
        assertThat(status.messageProperty().get()).isEqualTo("Check a file first.");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        java.nio.file.Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(good, "sku,name,category,price,stock,reorder_level\nCC-1,Cola Cubes,Boiled,0.90,40,5\n");
        imports.previewCatalogueImport(good);
        assertThat(imports.importReadyProperty().get()).isTrue();
        imports.applyImport();
        assertThat(status.messageProperty().get()).isEqualTo("Imported 1 sweets from good.csv.");
        assertThat(stockOf("CC-1")).isEqualTo(40);
    }

    @Test
    void aDeliveryCsvRestocksEveryLineAtOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path delivery = dir.resolve("delivery.csv");
        java.nio.file.Files.writeString(delivery, "sku,qty\nSL,10\nFB,3\n");
        imports.previewDeliveryImport(delivery);
        imports.applyImport();
        assertThat(status.messageProperty().get()).isEqualTo("Delivery delivery.csv booked: 13 units over 2 sweets.");
        assertThat(stockOf("SL")).isEqualTo(15);
        assertThat(stockOf("FB")).isEqualTo(5);
    }
}
