package eu.impactlab;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.labs.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every UI language has every message, with the same placeholders, and is really translated. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)[^}]*}");

    /** The bundle families: the shared one and one per module that has many texts of its own. */
    static final List<String> BUNDLES = List.of("messages", "i18n/courses", "i18n/course-staff", "i18n/impact",
            "i18n/security", "i18n/input", "i18n/site", "i18n/flows", "i18n/staff",
            "i18n/equipment", "i18n/partners", "i18n/skills", "i18n/participation", "i18n/privacy");

    static Stream<Arguments> translations() {
        return BUNDLES.stream().flatMap(bundle -> Language.uiLanguages().stream()
                .filter(l -> l != Language.DE && l != Language.LS)
                .map(language -> Arguments.of(bundle, language)));
    }

    /** Leichte Sprache may be partial (a missing key shows German with a note), but never has a key German lacks. */
    @ParameterizedTest
    @MethodSource("easyLanguageBundles")
    void anEasyLanguageBundleHasOnlyGermanKeysWithTheirPlaceholders(String bundle) throws IOException {
        Properties german = load(bundle + ".properties");
        Properties easy = load(bundle + "_ls.properties");
        assertThat(german.stringPropertyNames()).as("keys in %s_ls.properties that German lacks", bundle)
                .containsAll(easy.stringPropertyNames());
        for (String key : easy.stringPropertyNames()) {
            assertThat(easy.getProperty(key)).as("%s in ls", key).isNotBlank();
            assertThat(placeholders(easy.getProperty(key))).as("placeholders of %s in ls", key)
                    .isEqualTo(placeholders(german.getProperty(key)));
        }
    }

    static Stream<String> easyLanguageBundles() {
        return BUNDLES.stream().filter(bundle -> MessageBundlesTest.class.getResource("/" + bundle + "_ls.properties") != null);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void bundleHasEveryKeyOfTheGermanOneAndNoOther(String bundle, Language language) throws IOException {
        Properties german = load(bundle + ".properties");
        Properties translated = load(bundle + "_" + language.tag() + ".properties");
        assertThat(translated.stringPropertyNames())
                .as("keys missing in %s_%s.properties", bundle, language.tag())
                .containsAll(german.stringPropertyNames());
        assertThat(german.stringPropertyNames())
                .as("keys in %s_%s.properties that German lacks", bundle, language.tag())
                .containsAll(translated.stringPropertyNames());
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyMessageKeepsItsPlaceholdersAndIsNotEmpty(String bundle, Language language) throws IOException {
        Properties german = load(bundle + ".properties");
        Properties translated = load(bundle + "_" + language.tag() + ".properties");
        for (String key : german.stringPropertyNames()) {
            String value = translated.getProperty(key, "");
            assertThat(value).as("%s in %s", key, language.tag()).isNotBlank();
            assertThat(placeholders(value)).as("placeholders of %s in %s", key, language.tag())
                    .isEqualTo(placeholders(german.getProperty(key)));
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void mostMessagesDifferFromGerman(String bundle, Language language) throws IOException {
        Properties german = load(bundle + ".properties");
        Properties translated = load(bundle + "_" + language.tag() + ".properties");
        long same = german.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("format."))
                .filter(key -> german.getProperty(key).length() > 12)
                .filter(key -> german.getProperty(key).equals(translated.getProperty(key)))
                .count();
        assertThat(same).as("messages in %s_%s that are still German", bundle, language.tag()).isLessThanOrEqualTo(2);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name + " exists").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

}
