package eu.impactlab.skills;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfNQuad;
import com.apicatalog.rdf.canon.RdfCanonicalizer;
import com.apicatalog.rdf.io.nquad.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Data Integrity cryptosuite {@code eddsa-rdfc-2022} (W3C): the document and the proof options, each turned into
 * RDF with the bundled contexts and canonicalised with RDFC-1.0, hashed with SHA-256 (proof hash first), and signed with
 * Ed25519; the signature is the proof's base58btc {@code proofValue}.
 */
final class DataIntegrity {

    static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    private DataIntegrity() {
    }

    /** The canonical N-Quads of a JSON-LD document (RDFC-1.0), with only the bundled contexts. */
    static String canonicalNQuads(JsonObject document) {
        try {
            RdfDataset dataset = JsonLd.toRdf(JsonDocument.of(document)).loader(OfflineContexts.INSTANCE).get();
            Collection<RdfNQuad> canonical = RdfCanonicalizer.canonicalize(dataset.toList());
            List<String> lines = new ArrayList<>();
            for (RdfNQuad quad : canonical) {
                StringWriter out = new StringWriter();
                new NQuadsWriter(out).write(quad);
                lines.add(out.toString());
            }
            lines.sort(null);
            return String.join("", lines);
        } catch (JsonLdError | IOException e) {
            throw new IllegalArgumentException("not a JSON-LD document this app can read: " + e.getMessage(), e);
        }
    }

    /** The proof options: the proof without its value, under the document's context. */
    static JsonObject proofOptions(JsonObject document, JsonObject proof) {
        JsonObjectBuilder options = Json.createObjectBuilder(proof);
        options.remove("proofValue");
        options.add("@context", document.get("@context"));
        return options.build();
    }

    static JsonObject withoutProof(JsonObject document) {
        JsonObjectBuilder copy = Json.createObjectBuilder(document);
        copy.remove("proof");
        return copy.build();
    }

    /** What is signed: SHA-256 of the canonical proof options followed by SHA-256 of the canonical document. */
    static byte[] hashData(JsonObject document, JsonObject proofOptions) {
        return Multibase.concat(sha256(canonicalNQuads(proofOptions)), sha256(canonicalNQuads(document)));
    }

    /** Signs an unsigned document: @return the document with its proof */
    static JsonObject sign(JsonObject unsigned, JsonObject proofWithoutValue, byte[] seed) {
        byte[] signature = ed25519Sign(seed, hashData(withoutProof(unsigned), proofOptions(unsigned, proofWithoutValue)));
        JsonObject proof = Json.createObjectBuilder(proofWithoutValue).add("proofValue", Multibase.encode(signature)).build();
        return Json.createObjectBuilder(unsigned).add("proof", proof).build();
    }

    /** Whether the proof's signature is valid for this document and public key (raw 32 bytes). */
    static boolean verify(JsonObject signed, byte[] publicKey) {
        JsonValue proofValue = signed.get("proof");
        if (!(proofValue instanceof JsonObject proof) || !proof.containsKey("proofValue")
                || !CRYPTOSUITE.equals(proof.getString("cryptosuite", ""))) {
            return false;
        }
        byte[] signature = Multibase.decode(proof.getString("proofValue"));
        byte[] data = hashData(withoutProof(signed), proofOptions(signed, proof));
        return ed25519Verify(publicKey, data, signature);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ed25519Sign(byte[] seed, byte[] data) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean ed25519Verify(byte[] rawPublicKey, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A JDK public key from the 32 raw bytes of RFC 8032 (little-endian y, the top bit the sign of x). */
    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = raw[31 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, reversed));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    /** The 32 raw bytes of a JDK Ed25519 public key. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded(); // X.509 SubjectPublicKeyInfo: a 12-byte header, then the 32 raw bytes
        return java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
