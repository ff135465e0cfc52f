package org.sweetshop.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;

class TextPdfTest {

    @TempDir
    Path dir;

    private static List<String> receiptLines() {
        return ReceiptText.render(ReceiptTextTest.representative(), "Sweetshop", "GBP", ReceiptTextTest.LONDON, false);
    }

    /** The PDF's text, one entry per non-blank line, runs of spaces made one (the stripper guesses spacing). */
    private static List<String> textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return Arrays.stream(text.split("\\R")).map(TextPdfTest::squeeze).filter(l -> !l.isEmpty()).toList();
        }
    }

    private static String squeeze(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    @Test
    void everyLineOfAReceiptIsInThePdfInOrder() throws IOException {
        List<String> lines = receiptLines();

        byte[] pdf = TextPdf.toBytes(lines);

        assertThat(textOf(pdf)).containsExactlyElementsOf(lines.stream().map(TextPdfTest::squeeze).filter(l -> !l.isEmpty()).toList());
    }

    @Test
    void theReceiptIsOneRollWidePageWithTheFontEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(TextPdf.toBytes(receiptLines()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(226.77f, org.assertj.core.data.Offset.offset(0.01f));
            // 20 lines of 9.6 pt plus two 5 mm margins: as tall as the text, no more
            assertThat(page.getMediaBox().getHeight()).isCloseTo(20 * 9.6f + 2 * 14.17f, org.assertj.core.data.Offset.offset(0.1f));
            PDFont font = page.getResources().getFont(page.getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).endsWith("+DejaVuSansMono");
        }
    }

    @Test
    void symbolsOfLatinScriptsAreKeptAndWhatTheFontLacksBecomesAQuestionMark() throws IOException {
        List<String> lines = List.of("Łódź 🍬 Fudge", "£1.20 €1.40 — ½ ñ ß Ω Ж …", "tab\there");

        byte[] pdf = TextPdf.toBytes(lines);

        assertThat(textOf(pdf)).containsExactly("Łódź ? Fudge", "£1.20 €1.40 — ½ ñ ß Ω Ж …", "tab here");
    }

    @Test
    void aReceiptWithAnEmojiInANameStillOpensWithEveryLine() throws IOException {
        Receipt receipt = ReceiptTextTest.receipt(List.of(ReceiptTextTest.line("Łódź 🍬 Fudge", 2, "1.50")), "3.00", "0", "0", "3.00",
                PaymentMethod.CARD, null, null);
        List<String> lines = ReceiptText.render(receipt, "Słodycze 🍭", "PLN", ReceiptTextTest.LONDON, true);

        List<String> text = textOf(TextPdf.toBytes(lines));

        assertThat(text).contains("Słodycze ?", "Łódź ? Fudge 3.00", "TOTAL PLN 3.00");
        assertThat(text).hasSize((int) lines.stream().filter(l -> !l.isBlank()).count());
    }

    @Test
    void nothingAtAllStillMakesAPdfThatOpens() throws IOException {
        try (PDDocument document = Loader.loadPDF(TextPdf.toBytes(List.of()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void textTallerThanAPdfPageGoesOnToMorePages() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= TextPdf.MAX_ROWS_PER_PAGE + 5; i++) {
            lines.add("line " + i);
        }

        byte[] pdf = TextPdf.toBytes(lines);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isLessThanOrEqualTo(14_400f);
        }
        assertThat(textOf(pdf)).containsExactlyElementsOf(lines);
    }

    @Test
    void aSavedReceiptIsThePdfAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("receipt till-1-000042.pdf");

        TextPdf.write(receiptLines(), file);

        assertThat(textOf(Files.readAllBytes(file))).contains("Receipt till-1-000042", "TOTAL GBP 3.87");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void savingAgainReplacesTheFile() throws Exception {
        Path file = dir.resolve("receipt.pdf");
        Files.writeString(file, "an older file");

        TextPdf.write(List.of("new receipt"), file);

        assertThat(textOf(Files.readAllBytes(file))).containsExactly("new receipt");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void aMissingFolderIsRefusedAndNothingIsWritten() throws IOException {
        Path file = dir.resolve("no-such-folder").resolve("receipt.pdf");

        assertThatThrownBy(() -> TextPdf.write(receiptLines(), file))
                .isInstanceOf(PdfSaveException.class)
                .hasMessage("Cannot save receipt.pdf: the folder " + dir.resolve("no-such-folder") + " does not exist")
                .satisfies(e -> assertThat(((PdfSaveException) e).file()).isEqualTo(file));
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aFolderNameIsRefusedAndTheFolderKept() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("receipts"));

        assertThatThrownBy(() -> TextPdf.write(receiptLines(), folder))
                .isInstanceOf(PdfSaveException.class)
                .hasMessage("Cannot save receipts: " + folder + " is a folder");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefused() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> TextPdf.write(receiptLines(), notAFolder.resolve("receipt.pdf")))
                .isInstanceOf(PdfSaveException.class)
                .hasMessage("Cannot save receipt.pdf: " + notAFolder + " is not a folder");
        assertThat(filesIn(dir)).containsExactly(notAFolder);
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedWithAReasonAndNothingLeft() throws IOException {
        // root ignores file permissions; /proc refuses new files to everyone on Linux
        Path readOnly = Path.of("/proc");
        assumeTrue(Files.isDirectory(readOnly.resolve("self")), "Linux /proc");
        Path file = readOnly.resolve("receipt-" + ProcessHandle.current().pid() + ".pdf");

        assertThatThrownBy(() -> TextPdf.write(receiptLines(), file))
                .isInstanceOf(PdfSaveException.class)
                .hasMessageStartingWith("Cannot save " + file.getFileName() + ": ")
                .satisfies(e -> assertThat(((PdfSaveException) e).reason()).isNotBlank().doesNotContain("Exception"));
        assertThat(file).doesNotExist();
        try (Stream<Path> leftovers = Files.list(readOnly)) {
            assertThat(leftovers.filter(p -> p.getFileName().toString().startsWith(".sweetshop-"))).isEmpty();
        }
    }

    @Test
    void aWholeBasketOfAHundredLinesFitsOnePage() throws IOException {
        List<org.sweetshop.sale.ReceiptLine> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(ReceiptTextTest.line("Sweet number " + i, 9_999, "100000.00"));
        }
        Receipt receipt = ReceiptTextTest.receipt(many, "1000000.00", "0", "0", "1000000.00", PaymentMethod.CARD, null, null);
        List<String> lines = ReceiptText.render(receipt, "Sweetshop", "GBP", ReceiptTextTest.LONDON, false);

        byte[] pdf = TextPdf.toBytes(lines);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(textOf(pdf)).hasSize(lines.size()).contains("Sweet number 99 " + new BigDecimal("999900000.00").toPlainString());
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aWeighedLineIsInThePdfWithItsWeightAndPricePerKilogram() throws IOException {
        List<String> lines = ReceiptText.render(ReceiptTextTest.mixed(), "Sweetshop", "GBP", ReceiptTextTest.LONDON, false);

        List<String> text = textOf(TextPdf.toBytes(lines));

        assertThat(text).containsSequence("Pick and Mix 3.79", "253 g x 14.99/kg", "Cola Bottles 15.00", "1.250 kg x 12.00/kg",
                "Fudge 3.60", "3 x 1.20");
    }
}
