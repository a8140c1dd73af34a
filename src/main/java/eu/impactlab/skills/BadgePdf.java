package eu.impactlab.skills;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.HtmlToPdf;
import eu.impactlab.platform.ImpactLabProperties;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A badge as a one-page PDF to print or attach to an application, built like the course certificate (Thymeleaf and
 * openhtmltopdf), with a QR code to the badge's public verification page.
 */
@Component
class BadgePdf {

    static final String TEMPLATE = "skills/badge-pdf";
    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    /** One black run of a QR code row, in modules. */
    record Run(int x, int y, int width) {
    }

    record Competence(String code, String title) {
    }

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    BadgePdf(ITemplateEngine templates, MessageSource messages, ImpactLabProperties properties) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
    }

    byte[] render(Badges.Stored badge, Locale locale) {
        Language language = Language.forLocale(locale);
        Locale target = language.locale();
        JsonObject credential = DataIntegrity.parse(badge.json());
        String url = properties.baseUrlWithoutSlash() + "/credentials/" + badge.id();
        Map<String, Object> model = new HashMap<>();
        model.put("language", language);
        model.put("title", credential.getString("name", ""));
        model.put("competences", competences(credential, target));
        model.put("issued", DateTimeFormatter.ofPattern("dd.MM.yyyy").format(badge.issuedAt().atZone(BREMEN)));
        model.put("url", url);
        BitMatrix qr = qr(url);
        model.put("qrSize", qr.getWidth());
        model.put("qrRuns", runs(qr));
        return HtmlToPdf.render(templates.process(TEMPLATE, new Context(target, model)), language.rightToLeft());
    }

    private List<Competence> competences(JsonObject credential, Locale locale) {
        List<Competence> list = new ArrayList<>();
        try {
            for (JsonValue a : credential.getJsonObject("credentialSubject").getJsonObject("achievement").getJsonArray("alignment")) {
                String code = a.asJsonObject().getString("targetCode", "");
                list.add(new Competence(code, messages.getMessage("courses.digcomp." + code, null, code, locale)));
            }
        } catch (RuntimeException e) {
            // a badge without alignments simply lists none
        }
        return list;
    }

    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code", e);
        }
    }

    /** The QR code as horizontal black runs, drawn as positioned boxes because the PDF renderer draws no SVG. */
    static List<Run> runs(BitMatrix matrix) {
        List<Run> runs = new ArrayList<>();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                runs.add(new Run(start, y, x - start));
            }
        }
        return runs;
    }
}
