package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.SecretTokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open Badges 3.0 credentials for course completers: issued on the claim page behind the participant's manage link,
 * signed with eddsa-rdfc-2022 by the did:web issuer, stored exactly as issued; and their verification.
 */
@Component
class Badges {

    record Stored(String id, long courseId, String json, Instant issuedAt, Instant revokedAt, String revocationReason,
            Instant hiddenAt) {
    }

    record Verification(boolean verified, boolean revoked, String issuer, String achievement, List<String> problems) {
    }

    static final String ISSUER_NAME = "Digital Impact Labs Bremen";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final IssuerKeys keys;
    private final CourseService courses;
    private final ImpactLabProperties properties;
    private final Clock clock;
    private final MessageSource messages;
    private final Claims claims;
    private final Achievements achievements;

    Badges(JdbcClient jdbc, IssuerKeys keys, CourseService courses, ImpactLabProperties properties, Clock clock,
            MessageSource messages, Claims claims, Achievements achievements) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.achievements = achievements;
        this.messages = messages;
        this.keys = keys;
        this.courses = courses;
        this.properties = properties;
        this.clock = clock;
    }

    /** did:web of this app's public address (a port is written %3A). */
    String did() {
        String address = properties.baseUrlWithoutSlash().replaceFirst("^https?://", "");
        return "did:web:" + address.replace(":", "%3A").replace("/", ":");
    }

    JsonObject didDocument() {
        String did = did();
        JsonArrayBuilder methods = Json.createArrayBuilder();
        JsonArrayBuilder assertion = Json.createArrayBuilder();
        for (String key : keys.publicKeys()) {
            String id = did + "#" + key;
            methods.add(Json.createObjectBuilder().add("id", id).add("type", "Multikey").add("controller", did)
                    .add("publicKeyMultibase", key));
            assertion.add(id);
        }
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(OfflineContexts.DID_V1).add(OfflineContexts.MULTIKEY_V1))
                .add("id", did).add("verificationMethod", methods).add("assertionMethod", assertion).build();
    }

    /** The token of a participant's claim link, derived from their manage link so the manage page can link to it. */
    static String claimToken(String manageToken) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(("skills-badge:" + manageToken).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SELECT = "select id, course_id, json, issued_at, revoked_at, revocation_reason, hidden_at from skills_credential";

    /** The badge of a claimant: by its registration, or (claimed from a manage link before V73) by the manage link's claim hash. */
    private Optional<Stored> byClaimant(Claims.Claimant claimant) {
        return jdbc.sql(SELECT + " where registration_id = :registration or claim_token_hash = :hash order by issued_at limit 1")
                .param("registration", claimant.registrationId()).param("hash", claimant.manageClaimHash())
                .query((rs, i) -> stored(rs)).optional();
    }

    Optional<Stored> byId(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, i) -> stored(rs)).optional();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Timestamp hidden = rs.getTimestamp("hidden_at");
        return new Stored(rs.getString("id"), rs.getLong("course_id"), rs.getString("json"),
                rs.getTimestamp("issued_at").toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString("revocation_reason"),
                hidden == null ? null : hidden.toInstant());
    }

    /** A badge's public verification page. */
    String publicUrl(String id) {
        return properties.baseUrlWithoutSlash() + "/credentials/" + id;
    }

    /** The badge already issued behind a participant's manage link or claim link. */
    Optional<Stored> issued(String token) {
        return claims.claimant(token).flatMap(this::byClaimant);
    }

    /** Whether the participant behind this manage link or claim link completed their course and may claim a badge. */
    boolean claimable(String token) {
        return claims.claimant(token).flatMap(c -> courses.registeredCourse(c.registrationId(), Language.DE))
                .filter(CourseService.RegisteredCourse::completed).isPresent();
    }

    /** The participant's badge, naming nobody; see {@link #claim(String, String)}. */
    Optional<Stored> claim(String manageToken) {
        return claim(manageToken, null);
    }

    /**
     * The participant's badge behind their manage link: issued on the first call once they completed the course, in
     * the language they registered in (German where the course has no text in it).
     *
     * @param name the name to put into the badge as a salted hash, or null to name nobody; never stored elsewhere
     * @return empty for an unknown link or a participant who has not completed the course
     */
    Optional<Stored> claim(String token, String name) {
        Optional<Claims.Claimant> claimant = claims.claimant(token);
        if (claimant.isEmpty()) {
            return Optional.empty();
        }
        long registration = claimant.get().registrationId();
        Language language = courses.completer(registration).map(CourseService.Completer::language)
                .map(l -> l == Language.LS ? Language.DE : l).orElse(Language.DE);
        Optional<CourseService.RegisteredCourse> found = courses.registeredCourse(registration, language)
                .filter(CourseService.RegisteredCourse::completed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Stored> existing = byClaimant(claimant.get());
        if (existing.isPresent()) {
            return existing;
        }
        CourseService.RegisteredCourse course = found.get();
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        long statusIndex = jdbc.sql("select nextval('skills_status_index_seq')").query(Long.class).single();
        IssuerKeys.Current key = keys.current();
        JsonObject signed = DataIntegrity.sign(credential(id, course, now, statusIndex, name, language.locale()),
                Json.createObjectBuilder().add("type", "DataIntegrityProof").add("created", now.toString())
                        .add("verificationMethod", did() + "#" + key.publicKeyMultibase())
                        .add("cryptosuite", DataIntegrity.CRYPTOSUITE).add("proofPurpose", "assertionMethod").build(),
                key.seed());
        String json = signed.toString();
        // two tabs claiming at once: the registration's unique key keeps the first badge
        jdbc.sql("""
                insert into skills_credential (id, course_id, claim_token_hash, registration_id, json, issued_at, status_index)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, course.courseId(), claimant.get().manageClaimHash(), registration, json, Timestamp.from(now), statusIndex)
                .update();
        return byClaimant(claimant.get());
    }

    /** A name as people type it: surrounding spaces dropped, composed characters (NFC) so "é" matches "é". */
    static String normalisedName(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    /** The Open Badges identity hash of a name: "sha256$" and the hex SHA-256 of the name followed by the salt. */
    static String identityHash(String name, String salt) {
        try {
            return "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((normalisedName(name) + salt).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IdentityObject that names the person only as a salted hash, so an employer can check the name they are told. */
    private static JsonObject nameIdentity(String name) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String salt = HexFormat.of().formatHex(random);
        return Json.createObjectBuilder().add("type", "IdentityObject").add("identityHash", identityHash(name, salt))
                .add("identityType", "name").add("hashed", true).add("salt", salt).build();
    }

    /** Whether the badge holds a hashed name. */
    static boolean namesSomeone(String json) {
        return nameMatches(json, "").isPresent();
    }

    /**
     * Whether the name someone was told is the one hashed into the badge.
     *
     * @return empty when the badge names nobody (or is unreadable)
     */
    static Optional<Boolean> nameMatches(String json, String name) {
        JsonObject subject;
        try {
            subject = DataIntegrity.parse(json).getJsonObject("credentialSubject");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (subject == null || !(subject.get("identifier") instanceof jakarta.json.JsonArray identifiers)) {
            return Optional.empty();
        }
        for (JsonValue value : identifiers) {
            if (value instanceof JsonObject identity && "name".equals(identity.getString("identityType", ""))
                    && identity.getBoolean("hashed", false) && identity.containsKey("salt")) {
                return Optional.of(MessageDigest.isEqual(
                        identityHash(name, identity.getString("salt")).getBytes(StandardCharsets.UTF_8),
                        identity.getString("identityHash", "").getBytes(StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    private JsonObject credential(String id, CourseService.RegisteredCourse course, Instant now, long statusIndex, String name,
            Locale locale) {
        String base = properties.baseUrlWithoutSlash();
        Optional<Achievements.Definition> defined = achievements.of(course.courseId());
        Optional<Achievements.Text> text = defined.map(d -> d.text(Language.forLocale(locale)));
        List<String> competences = defined.map(Achievements.Definition::competences).orElse(course.competences());
        String level = defined.map(Achievements.Definition::level).orElse(course.level());
        String title = title(course, defined, locale);
        JsonArrayBuilder alignment = Json.createArrayBuilder();
        for (String competence : competences) {
            alignment.add(Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", "DigComp 2.2 " + competence)
                    .add("targetUrl", "https://joint-research-centre.ec.europa.eu/digcomp_en")
                    .add("targetCode", competence).add("targetFramework", Framework.VERSION)
                    .add("targetType", "CFItem"));
        }
        JsonObjectBuilder subject = Json.createObjectBuilder().add("id", "urn:uuid:" + UUID.randomUUID())
                .add("type", Json.createArrayBuilder().add("AchievementSubject"));
        if (name != null && !normalisedName(name).isEmpty()) {
            subject.add("identifier", Json.createArrayBuilder().add(nameIdentity(name)));
        }
        String levelName = messages.getMessage("courses.level." + level, null, level, locale);
        JsonObjectBuilder achievement = Json.createObjectBuilder().add("id", base + "/courses/" + course.courseId() + "#achievement")
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", title)
                .add("description", text.map(Achievements.Text::description).orElseGet(() -> messages.getMessage(
                        "skills.badge.achievement.description",
                        new Object[] {course.title(), levelName, String.join(", ", competences)}, locale)))
                .add("criteria", Json.createObjectBuilder().add("narrative", text.map(Achievements.Text::criteria)
                        .orElseGet(() -> messages.getMessage("skills.badge.achievement.criteria", null, locale))))
                .add("alignment", alignment);
        if (defined.isPresent()) {
            achievement.add("tag", Json.createArrayBuilder().add(levelName));
            defined.get().imageUrl(base).ifPresent(url -> achievement.add("image",
                    Json.createObjectBuilder().add("id", url).add("type", "Image").add("caption", title)));
        }
        subject.add("achievement", achievement);
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(OfflineContexts.CREDENTIALS_V2).add(OfflineContexts.OPEN_BADGES_V3))
                .add("id", base + "/credentials/" + id)
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", Json.createObjectBuilder().add("id", did()).add("type", Json.createArrayBuilder().add("Profile"))
                        .add("name", ISSUER_NAME).add("url", base))
                .add("validFrom", now.toString())
                .add("name", title)
                .add("credentialStatus", statusEntry(statusIndex))
                .add("credentialSubject", subject)
                .build();
    }

    /** The coordinator's achievement name in the badge's language (or German), else the course title. */
    private static String title(CourseService.RegisteredCourse course, Optional<Achievements.Definition> defined, Locale locale) {
        return defined.map(d -> d.text(Language.forLocale(locale)).name()).orElse(course.title());
    }

    /** Where a badge's bit sits in the issuer's revocation lists. */
    private JsonObject statusEntry(long index) {
        String list = properties.baseUrlWithoutSlash() + "/credentials/status/" + (index / StatusLists.SIZE + 1);
        return Json.createObjectBuilder().add("id", list + "#" + index % StatusLists.SIZE)
                .add("type", "BitstringStatusListEntry").add("statusPurpose", "revocation")
                .add("statusListIndex", Long.toString(index % StatusLists.SIZE)).add("statusListCredential", list).build();
    }

    /**
     * The signed Bitstring Status List credential number {@code n} (from 1): a bit per badge position, set for the
     * revoked ones; empty for a list no badge reaches yet.
     */
    Optional<JsonObject> statusList(int n) {
        long first = (long) (n - 1) * StatusLists.SIZE;
        Long highest = jdbc.sql("select max(status_index) from skills_credential").query(Long.class).optional().orElse(null);
        if (n < 1 || highest == null || first > highest) {
            return Optional.empty();
        }
        List<Long> revoked = jdbc.sql("""
                select status_index from skills_credential
                where revoked_at is not null and status_index >= ? and status_index < ?""")
                .params(first, first + StatusLists.SIZE).query(Long.class).list();
        String url = properties.baseUrlWithoutSlash() + "/credentials/status/" + n;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        JsonObject unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(OfflineContexts.CREDENTIALS_V2))
                .add("id", url)
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", did())
                .add("validFrom", now.toString())
                .add("credentialSubject", Json.createObjectBuilder().add("id", url + "#list").add("type", "BitstringStatusList")
                        .add("statusPurpose", "revocation")
                        .add("encodedList", StatusLists.encode(revoked.stream().map(i -> (int) (i - first)).toList())))
                .build();
        IssuerKeys.Current key = keys.current();
        return Optional.of(DataIntegrity.sign(unsigned,
                Json.createObjectBuilder().add("type", "DataIntegrityProof").add("created", now.toString())
                        .add("verificationMethod", did() + "#" + key.publicKeyMultibase())
                        .add("cryptosuite", DataIntegrity.CRYPTOSUITE).add("proofPurpose", "assertionMethod").build(),
                key.seed()));
    }

    /** Checks a credential: our issuer, one of our keys, the signature over the unchanged content, not revoked. */
    Verification verify(String json) {
        List<String> problems = new ArrayList<>();
        JsonObject credential;
        try {
            credential = DataIntegrity.parse(json);
        } catch (RuntimeException e) {
            return new Verification(false, false, null, null, List.of("NOT_JSON"));
        }
        String issuer = issuerId(credential);
        String achievement = achievementName(credential);
        if (!did().equals(issuer)) {
            problems.add("OTHER_ISSUER");
        }
        JsonValue proof = credential.get("proof");
        String method = proof instanceof JsonObject p ? p.getString("verificationMethod", "") : "";
        String key = method.startsWith(did() + "#") ? method.substring(did().length() + 1) : null;
        boolean signed = false;
        if (key == null || !keys.publicKeys().contains(key)) {
            problems.add("UNKNOWN_KEY");
        } else {
            try {
                signed = DataIntegrity.verify(credential, Multibase.rawPublicKey(key));
            } catch (RuntimeException e) {
                signed = false;
            }
            if (!signed) {
                problems.add("SIGNATURE");
            }
        }
        String id = credential.getString("id", "");
        boolean revoked = false;
        if (id.contains("/credentials/")) {
            Optional<Stored> stored = byId(id.substring(id.lastIndexOf('/') + 1));
            revoked = stored.map(s -> s.revokedAt() != null).orElse(false);
            if (stored.isEmpty() && problems.isEmpty()) {
                problems.add("NOT_ISSUED_HERE");
            }
        }
        if (revoked) {
            problems.add("REVOKED");
        }
        return new Verification(problems.isEmpty(), revoked, issuer, achievement, problems);
    }

    /** The courses that have issued badges, for the staff list and its filter. */
    List<Long> courseIds() {
        return jdbc.sql("select distinct course_id from skills_credential").query(Long.class).list();
    }

    long count(List<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from skills_credential where course_id in (:ids)").param("ids", courseIds)
                .query(Long.class).single();
    }

    /** Issued badges of these courses, newest first. */
    List<Stored> page(List<Long> courseIds, int offset, int size) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where course_id in (:ids) order by issued_at desc, id limit :size offset :offset")
                .param("ids", courseIds).param("size", size).param("offset", offset).query((rs, i) -> stored(rs)).list();
    }

    /** Hides or shows again the badge's public page; @return whether anything changed */
    boolean hide(String id, boolean hidden) {
        return jdbc.sql("update skills_credential set hidden_at = ? where id = ? and (hidden_at is null) = ?")
                .params(hidden ? Timestamp.from(Instant.now(clock)) : null, id, hidden).update() == 1;
    }

    boolean revoke(String id, String reason) {
        return jdbc.sql("update skills_credential set revoked_at = ?, revocation_reason = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now(clock)), reason, id).update() == 1;
    }

    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonObject o) {
            return o.getString("id", null);
        }
        return issuer instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    private static String achievementName(JsonObject credential) {
        try {
            return credential.getJsonObject("credentialSubject").getJsonObject("achievement").getString("name", null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
