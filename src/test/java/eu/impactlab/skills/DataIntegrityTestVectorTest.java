package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.impactlab.ReferenceData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The Open Badges 3.0 specification's own eddsa-rdfc-2022 test vector (src/main/resources/reference/openbadges-3.0):
 * the same canonical N-Quads, hashes, signature and proofValue, offline, and no verification after any change.
 */
class DataIntegrityTestVectorTest {

    static final String SECRET = "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx";
    static final String PUBLIC = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    static final String PROOF_VALUE = "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";

    private final JsonObject signed = DataIntegrity.parse(ReferenceData.text("reference/openbadges-3.0/test-vector-signed-credential.json"));

    @Test
    void theCanonicalFormsAndHashesAreTheSpecifications() {
        JsonObject document = DataIntegrity.withoutProof(signed);
        JsonObject options = DataIntegrity.proofOptions(signed, signed.getJsonObject("proof"));
        assertThat(DataIntegrity.canonicalNQuads(document))
                .isEqualTo(ReferenceData.text("reference/openbadges-3.0/test-vector-document-canon.nq"));
        assertThat(DataIntegrity.canonicalNQuads(options))
                .isEqualTo(ReferenceData.text("reference/openbadges-3.0/test-vector-proof-canon.nq"));
        assertThat(HexFormat.of().formatHex(DataIntegrity.sha256(DataIntegrity.canonicalNQuads(document))))
                .isEqualTo("87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");
        assertThat(HexFormat.of().formatHex(DataIntegrity.sha256(DataIntegrity.canonicalNQuads(options))))
                .isEqualTo("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19");
    }

    @Test
    void signingWithTheVectorsKeyGivesExactlyItsProofValue() {
        byte[] seed = Multibase.secretSeed(SECRET);
        JsonObject proof = Json.createObjectBuilder(signed.getJsonObject("proof")).remove("proofValue").build();
        JsonObject ours = DataIntegrity.sign(DataIntegrity.withoutProof(signed), proof, seed);
        assertThat(ours.getJsonObject("proof").getString("proofValue")).isEqualTo(PROOF_VALUE);
        assertThat(HexFormat.of().formatHex(Multibase.decode(PROOF_VALUE))).isEqualTo(
                "f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503");
    }

    @Test
    void theVectorVerifiesAndAnyChangeBreaksIt() {
        byte[] publicKey = Multibase.rawPublicKey(PUBLIC);
        assertThat(DataIntegrity.verify(signed, publicKey)).isTrue();
        JsonObject renamed = Json.createObjectBuilder(signed).add("name", "Teamwork Badge!").build();
        assertThat(DataIntegrity.verify(renamed, publicKey)).isFalse();
        JsonObject otherDay = Json.createObjectBuilder(signed).add("validFrom", "2010-01-02T00:00:00Z").build();
        assertThat(DataIntegrity.verify(otherDay, publicKey)).isFalse();
        byte[] otherKey = Multibase.rawPublicKey(Multibase.publicKey(new byte[32]));
        assertThat(DataIntegrity.verify(signed, otherKey)).isFalse();
    }

    @Test
    void aContextThatIsNotBundledIsRefusedInsteadOfFetched() {
        JsonObject foreign = Json.createObjectBuilder(signed)
                .add("@context", Json.createArrayBuilder().add("https://example.org/evil-context.json")).build();
        assertThatThrownBy(() -> DataIntegrity.canonicalNQuads(DataIntegrity.withoutProof(foreign)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multibaseKeysRoundTrip() {
        byte[] raw = Multibase.rawPublicKey(PUBLIC);
        assertThat(Multibase.publicKey(raw)).isEqualTo(PUBLIC);
        assertThat(raw).hasSize(32);
    }
}
