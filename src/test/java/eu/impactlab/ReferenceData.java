package eu.impactlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the reference data in src/main/resources/reference/ for the tests that compare it with the code. */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The rows of a CSV file under reference/, each as header name to value. */
    public static List<Map<String, String>> csv(String file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = reader("reference/" + file); CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file on the class path, e.g. "reference/bremen-notes.md" or a migration under "db/migration/". */
    public static String text(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message bundle file, read as UTF-8 like the app reads it. */
    public static Properties bundle(String path) {
        Properties properties = new Properties();
        try (Reader reader = reader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Reader reader(String path) {
        return new InputStreamReader(stream(path), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String path) {
        InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path");
        }
        return in;
    }
}
