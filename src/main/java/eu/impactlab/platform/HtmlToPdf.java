package eu.impactlab.platform;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.io.ClassPathResource;

/**
 * XHTML to PDF with openhtmltopdf and the bundled DejaVu Sans (Latin, Cyrillic, Arabic), right to left where the
 * language needs it, loading nothing from outside the page; shared by every PDF the app makes. Each one is a tagged
 * PDF/UA-1 document (structure, language, title, embedded fonts only), so screen readers read it like the page.
 */
public final class HtmlToPdf {

    /** The family name the PDF templates use; the only font a PDF may use, since every font must be embedded. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private HtmlToPdf() {
    }

    public static byte[] render(String xhtml, boolean rightToLeft) {
        return render(xhtml, rightToLeft, false);
    }

    /**
     * As {@link #render(String, boolean)}; {@code columnsMirrored} says that the page lists each table row's cells
     * right to left (openhtmltopdf draws table columns left to right even in a right-to-left page), so the rows of the
     * tag tree are turned back and a screen reader reads each row from its first cell, the row's label.
     */
    public static byte[] render(String xhtml, boolean rightToLeft, boolean columnsMirrored) {
        byte[] pdf = draw(xhtml, rightToLeft);
        return columnsMirrored ? rowsInReadingOrder(pdf) : pdf;
    }

    private static byte[] draw(String xhtml, boolean rightToLeft) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("fonts/DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(rightToLeft ? TextDirection.RTL : TextDirection.LTR);
            // Nothing outside the page itself is ever loaded.
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rowsInReadingOrder(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            turnRows(document.getDocumentCatalog().getStructureTreeRoot().getCOSObject(), false);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reverses the cells of every row, except inside an element with an alternative text (a chart read as words). */
    private static void turnRows(COSDictionary element, boolean described) {
        boolean inAlternative = described || element.containsKey(COSName.getPDFName("Alt"));
        COSBase kids = element.getDictionaryObject(COSName.K);
        if (kids instanceof COSArray array) {
            if (!inAlternative && "TR".equals(element.getNameAsString(COSName.S))) {
                List<COSBase> cells = new ArrayList<>(array.toList());
                Collections.reverse(cells);
                array.clear();
                cells.forEach(array::add);
            }
            for (COSBase kid : array) {
                turnRowsBelow(kid, inAlternative);
            }
        } else {
            turnRowsBelow(kids, inAlternative);
        }
    }

    private static void turnRowsBelow(COSBase kid, boolean described) {
        COSBase target = kid instanceof COSObject object ? object.getObject() : kid;
        if (target instanceof COSDictionary dictionary && dictionary.containsKey(COSName.S)) {
            turnRows(dictionary, described);
        }
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
