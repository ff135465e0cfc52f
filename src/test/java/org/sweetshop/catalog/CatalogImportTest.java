package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.testing.BadInputCase;

/** Catalogue import from CSV: every bad value reported by row and column; all rows or none. */
class CatalogImportTest extends BadInputCase {

    private static final String HEADER = "sku,name,category,price,stock,reorder_level\n";

    private CatalogImport.Preview preview(String csv) {
        return app.catalogImport().preview(new StringReader(csv));
    }

    @Test
    void aGoodFileImportsEveryRowWithItsOpeningStock() {
        var preview = preview(HEADER
                + "SL,Sherbet Lemons,Boiled,1.20,40,5\n"
                + "\"TF\",\"Toffee, Fudge \"\"Deluxe\"\"\",Chewy,2,0,0\n"
                + "CM,Cola Mice,,0.05,,\n");

        assertThat(preview.ok()).isTrue();
        assertThat(preview.rows()).isEqualTo(3);
        var result = app.catalogImport().apply(manager, preview, "T1");

        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.skus()).containsExactly("SL", "TF", "CM");
        assertThat(app.catalog().find("SL")).isEqualTo(new SweetView(app.catalog().find("SL").id(), "SL", "Sherbet Lemons", "Boiled",
                new BigDecimal("1.20"), 40, 5, true, org.sweetshop.common.SoldBy.COUNTED, null, "STD"));
        assertThat(app.catalog().find("TF").name()).isEqualTo("Toffee, Fudge \"Deluxe\"");
        assertThat(app.catalog().find("TF").price()).isEqualByComparingTo("2.00");
        assertThat(app.catalog().find("CM").category()).isEqualTo("Sweets");
        assertThat(app.catalog().find("CM").stock()).isZero();
        assertThat(app.stock().movements("SL", 5)).hasSize(1);
        assertThat(app.audit().run().ok()).isTrue();
        assertThat(app.auditLog().list(manager, new AuditLogFilter(AuditAction.CATALOG_IMPORT, null, null, 5)))
                .extracting(e -> e.newValue()).containsExactly("3 sweets added: SL ... CM");
    }

    @Test
    void theErrorReportNamesEveryBadValueByRowAndColumn() {
        sweet("OLD", "1.00", 1);

        var preview = preview("\uFEFF" + HEADER
                + "SL,Sherbet Lemons,Boiled,1.20,40,5\n"       // row 2: fine
                + "TF,,Chewy,1.205,-1,0\n"                     // row 3: name missing, 3 decimals, negative stock
                + "SL,Again,Boiled,1.00,1,1\n"                 // row 4: duplicate of row 2
                + "OLD,Old one,Boiled,1.00,1,1\n"              // row 5: already in the catalogue
                + "CM,Cola Mice,Fizzy,100000.01,1\n"           // row 6: five values
                + "\n"                                         // row 7: blank, skipped
                + "BAD SKU," + "N".repeat(121) + ",Fizzy,-2,x,1\n"  // row 8: sku, name too long, negative price, stock not a number
                + "CT,Cat\u0007Tongues,Fizzy,abc,1,1000001\n");  // row 9: control char, not an amount, reorder too big

        assertThat(preview.ok()).isFalse();
        assertThat(preview.rows()).isEqualTo(7);
        assertThat(preview.badRows()).isEqualTo(6);
        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(
                "row 3, name: name is missing",
                "row 3, price: price has more than two decimals: 1.205",
                "row 3, stock: stock must be between 0 and 1000000, not -1",
                "row 4, sku: SKU SL is already on row 2 of this file",
                "row 5, sku: SKU OLD is already in the catalogue: the import only adds new sweets (change existing ones with edit)",
                "row 6, row: the row has 5 values, the header 6 (sku,name,category,price,stock,reorder_level)",
                "row 8, sku: sku must be 1 to 64 letters, digits, dots, dashes or underscores, not 'BAD SKU'",
                "row 8, name: name is longer than 120 characters",
                "row 8, price: price must be an amount such as 1.20, not '-2'",
                "row 8, stock: stock must be a whole number, not 'x'",
                "row 9, name: name contains control characters",
                "row 9, price: price must be an amount such as 1.20, not 'abc'",
                "row 9, reorder_level: reorder level must be between 0 and 1000000, not 1000001");
        assertThat(preview.valid()).extracting(CatalogImport.Row::sku).containsExactly("SL");
    }

    @Test
    void aFileWithOneBadRowImportsNothing() {
        sweet("OLD", "1.00", 1);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            csv.append("S").append(i).append(",Sweet ").append(i).append(",Test,1.00,10,0\n");
        }
        csv.append("S-LAST,Last,Test,1.001,10,0\n");
        var preview = preview(csv.toString());

        var e = refused(InvalidInputException.class, () -> app.catalogImport().apply(manager, preview, "T1"));

        assertThat(e).hasMessage("nothing imported: 1 of 201 rows have errors (first: row 202, price: price has more than two decimals: 1.001)");
    }

    @Test
    void aSkuAddedBetweenPreviewAndImportRefusesTheWholeImport() {
        var preview = preview(HEADER + "A,Apple,Test,1.00,1,0\nB,Banana,Test,1.00,1,0\n");
        sweet("B", "9.99", 3);

        var e = refused(AlreadyExistsException.class, () -> app.catalogImport().apply(manager, preview, "T1"));

        assertThat(e).hasMessage("already registered: SKU B was added to the catalogue since the preview; nothing imported");
    }

    @Test
    void aCashierCannotImport() {
        var preview = preview(HEADER + "A,Apple,Test,1.00,1,0\n");

        refused(NotPermittedException.class, () -> app.catalogImport().apply(cashier, preview, "T1"));
    }

    @Test
    void filesThatAreNotACatalogueAreRefusedWhole() {
        assertFileRefused("", "the file is empty: its first line must be the header sku,name,category,price,stock,reorder_level");
        assertFileRefused(HEADER, "the file has a header but no rows");
        assertFileRefused("sku;name;category;price;stock;reorder_level\nSL;Lemons;Boiled;1,20;4;0\n",
                "the file is separated by semicolons: save it as CSV with commas, header sku,name,category,price,stock,reorder_level");
        assertFileRefused("sku\tname\tcategory\tprice\tstock\treorder_level\n", "the file is separated by tabs");
        assertFileRefused("code,title,price\nSL,Lemons,1.20\n",
                "the first line must be the header sku,name,category,price,stock,reorder_level, not 'code,title,price'");
        assertFileRefused(HEADER + "SL,\"Lemons\"x,Boiled,1.20,1,0\n", "the file is not valid CSV");
        assertFileRefused(HEADER + "SL,\"never closed,Boiled,1.20,1,0\n", "the file is not valid CSV");
    }

    @Test
    void binaryGarbageIsRefusedWhole() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        String garbage = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);

        var e = refused(InvalidInputException.class, () -> preview(garbage));

        assertThat(e.field()).isEqualTo("file");
    }

    @Test
    void tooManyRowsOrTooManyBytesAreRefusedWhole() {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= CsvTable.MAX_ROWS; i++) {
            many.append("S").append(i).append(",Sweet,Test,1.00,1,0\n");
        }
        assertFileRefused(many.toString(), "the file has more than 10000 rows: split it into smaller files");

        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, 'A');
                return length;
            }

            @Override
            public void close() {
            }
        };
        var e = refused(InvalidInputException.class, () -> app.catalogImport().preview(endless));
        assertThat(e).hasMessage("the file is larger than 5 MB: split it into smaller files");
    }

    @Test
    void aThousandRowsImportInOneGo() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) {
            csv.append(String.format("K%04d,Sweet %d,Test,%d.%02d,%d,0%n", i, i, i % 7, i % 100, i % 5));
        }

        var result = app.catalogImport().apply(owner, preview(csv.toString()), null);

        assertThat(result.imported()).isEqualTo(1000);
        assertThat(app.catalog().list()).hasSize(1000);
        assertThat(app.audit().run().ok()).isTrue();
    }

    private void assertFileRefused(String csv, String message) {
        var e = refused(InvalidInputException.class, () -> preview(csv));
        assertThat(e.field()).isEqualTo("file");
        assertThat(e.getMessage()).startsWith(message);
    }

}
