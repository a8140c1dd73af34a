package eu.impactlab.skills;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON-LD contexts of Open Badges 3.0, bundled in the app (src/main/resources/reference/openbadges-3.0): issuing
 * and verifying never fetch anything from another host, and a credential with any other context is refused.
 */
final class OfflineContexts implements DocumentLoader {

    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";

    private static final Map<String, String> FILES = Map.of(
            CREDENTIALS_V2, "reference/openbadges-3.0/credentials-v2.jsonld",
            OPEN_BADGES_V3, "reference/openbadges-3.0/ob-context-3.0.3.json",
            DID_V1, "reference/openbadges-3.0/did-v1.jsonld",
            MULTIKEY_V1, "reference/openbadges-3.0/multikey-v1.jsonld");

    static final OfflineContexts INSTANCE = new OfflineContexts();

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    private OfflineContexts() {
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String file = FILES.get(url.toString());
        if (file == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "context not bundled: " + url);
        }
        byte[] bytes = loaded.computeIfAbsent(file, OfflineContexts::read);
        JsonDocument document = JsonDocument.of(new java.io.ByteArrayInputStream(bytes));
        document.setDocumentUrl(url);
        return document;
    }

    private static byte[] read(String file) {
        try (InputStream in = OfflineContexts.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
