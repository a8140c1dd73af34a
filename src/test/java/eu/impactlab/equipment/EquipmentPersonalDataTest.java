package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.LabService;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.Query;
import eu.impactlab.platform.SecretTokens;
import java.sql.Timestamp;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A maker's pass and reservation links show what we store and delete it; the person search finds passes and loans. */
class EquipmentPersonalDataTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;
    @Autowired
    MakerPasses passes;
    @Autowired
    Loans loans;
    @Autowired
    EquipmentPersonalData personalData;

    @Test
    void thePassLinkShowsNicknameAndEmailAndDeletingThemKeepsThePassWorking() throws Exception {
        long lab = EquipmentTesting.labId(jdbc, "vegesack");
        MakerPasses.Issued issued = passes.issue(lab, "Datenpass", "datenpass@example.org", "de");
        passes.induct(issued.pass().id(), MachineType.SOLDERING, lab);
        String token = issued.token();

        assertThat(mvc.perform(get("/passes/" + token).locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .contains("/privacy/my-data/" + token);
        String page = mvc.perform(get("/privacy/my-data/" + token).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Maker-Pass", issued.pass().code(), "Datenpass", "datenpass@example.org",
                "Art. 6 Abs. 1 lit. a DSGVO", "730 Tage nicht benutzt", "Der Pass mit seinem Code und Ihren Einweisungen bleibt");
        assertThat(mvc.perform(get("/privacy/my-data/" + token).locale(Locale.forLanguageTag("ar"))).andReturn().getResponse()
                .getContentAsString()).contains("بطاقة الصانع");

        mvc.perform(post("/privacy/my-data/" + token + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select nickname, email from maker_pass where id = ?").param(issued.pass().id()).query().singleRow())
                .allSatisfy((k, v) -> assertThat(v).isNull());
        assertThat(passes.byToken(token)).as("the card keeps working").isPresent();
        assertThat(jdbc.sql("select count(*) from induction where pass_id = ?").param(issued.pass().id()).query(Long.class).single())
                .as("the inductions stay").isEqualTo(1);
        assertThat(mvc.perform(get("/privacy/my-data/" + token).locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("datenpass@example.org");
    }

    @Test
    void theReservationLinkShowsTheReservationAndThePassItWasMadeWith() throws Exception {
        long lab = EquipmentTesting.labId(jdbc, "vegesack");
        long machine = EquipmentTesting.machine(jdbc, "vegesack", "Datenschutz-Drucker", null);
        MakerPasses.Issued issued = passes.issue(lab, "Resi", "resi@example.org", "de");
        String token = SecretTokens.newToken();
        ZonedDateTime start = EquipmentTesting.openTime(labs, "vegesack", 5, 60);
        jdbc.sql("""
                insert into machine_reservation (machine_id, pass_id, starts_at, ends_at, blocked_until, manage_token_hash)
                values (?, ?, ?, ?, ?, ?)""")
                .params(machine, issued.pass().id(), Timestamp.from(start.toInstant()), Timestamp.from(start.plusHours(1).toInstant()),
                        Timestamp.from(start.plusHours(1).toInstant()), SecretTokens.hash(token)).update();
        try {
            assertThat(mvc.perform(get("/reservations/" + token).locale(Locale.GERMAN)).andReturn().getResponse()
                    .getContentAsString()).contains("/privacy/my-data/" + token);
            String page = mvc.perform(get("/privacy/my-data/" + token).locale(Locale.GERMAN)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Maschinenreservierung", "Datenschutz-Drucker", "Maker-Pass", "Resi", "resi@example.org",
                    "Maschine und Zeit der Reservierung bleiben ohne Namen");
            mvc.perform(post("/privacy/my-data/" + token + "/delete")).andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select email from maker_pass where id = ?").param(issued.pass().id()).query(String.class).optional())
                    .as("the pass behind the reservation loses its e-mail address").isEmpty();
            assertThat(jdbc.sql("select status from machine_reservation where manage_token_hash = ?").param(SecretTokens.hash(token))
                    .query(String.class).single()).as("the reservation stays").isEqualTo("BOOKED");
        } finally {
            jdbc.sql("update machine_reservation set status = 'CANCELLED' where manage_token_hash = ?").param(SecretTokens.hash(token)).update();
            EquipmentTesting.retire(jdbc, machine);
        }
    }

    @Test
    void thePersonSearchFindsPassesAndLoansAndAnOpenLoanKeepsItsBorrowerUntilTheDeviceIsBack() {
        long lab = EquipmentTesting.labId(jdbc, "osterholz");
        long otherLab = EquipmentTesting.labId(jdbc, "vegesack");
        MakerPasses.Issued pass = passes.issue(lab, "Suche", "Such.Person@example.org", "de");
        long pool = jdbc.sql("insert into device_pool (lab_id, name, device_type) values (?, 'Datenschutz-Pool', 'TABLET') returning id")
                .param(lab).query(Long.class).single();
        long byMail = jdbc.sql("insert into device (pool_id, asset_tag) values (?, 'PD-TAB-1') returning id").param(pool).query(Long.class).single();
        long byPhone = jdbc.sql("insert into device (pool_id, asset_tag) values (?, 'PD-TAB-2') returning id").param(pool).query(Long.class).single();
        try {
            assertThat(loans.checkOut(new Loans.CheckOut(byMail, "Such Person", "such.person@example.org", true, true, "de"))).isEmpty();
            assertThat(loans.checkOut(new Loans.CheckOut(byPhone, "Tel Person", "0421 555-1234", true, true, "de"))).isEmpty();

            List<Found> found = personalData.find(new Query("such.person@EXAMPLE.org", null, null));
            assertThat(found).extracting(Found::kind).containsExactlyInAnyOrder("maker-pass", "device-loan");
            assertThat(found).filteredOn(f -> f.kind().equals("device-loan")).singleElement()
                    .satisfies(f -> assertThat(f.fields()).containsEntry("name", "Such Person").containsEntry("email", "such.person@example.org"));
            assertThat(personalData.find(new Query("such.person@example.org", null, Set.of(otherLab)))).as("another lab's coordinator").isEmpty();
            List<Found> phone = personalData.find(new Query(null, "+0421/5551234", Set.of(lab)));
            assertThat(phone).singleElement().satisfies(f -> {
                assertThat(f.title()).startsWith("PD-TAB-2");
                assertThat(f.fields()).containsEntry("phone", "0421 555-1234");
                assertThat(f.kept()).containsExactly("privacy.kept.deviceLoanOpen");
            });

            assertThat(personalData.erase("device-loan", phone.get(0).ref(), "coordinator")).as("the device must come back first").isFalse();
            assertThat(jdbc.sql("select borrower_contact from device_loan where id = ?").param(Long.parseLong(phone.get(0).ref()))
                    .query(String.class).single()).isEqualTo("0421 555-1234");

            assertThat(loans.checkIn(byPhone, "GOOD", "NONE", null)).isNull();
            assertThat(personalData.erase("device-loan", phone.get(0).ref(), "coordinator")).isTrue();
            assertThat(jdbc.sql("select borrower_name, borrower_contact, borrower_key from device_loan where id = ?")
                    .param(Long.parseLong(phone.get(0).ref())).query().singleRow()).allSatisfy((k, v) -> assertThat(v).isNull());
            assertThat(personalData.find(new Query(null, "04215551234", null))).as("nothing left to find").isEmpty();
            assertThat(personalData.erase("maker-pass", Long.toString(pass.pass().id()), "coordinator")).isTrue();
            assertThat(personalData.erase("maker-pass", Long.toString(pass.pass().id()), "coordinator")).as("nothing left").isFalse();
        } finally {
            loans.checkIn(byMail, "GOOD", "NONE", null);
            jdbc.sql("update device_loan set borrower_name = null, borrower_contact = null, borrower_key = null, personal_data_deleted_at = now() where device_id in (?, ?)")
                    .params(byMail, byPhone).update();
            jdbc.sql("update device set state = 'RETIRED' where pool_id = ?").param(pool).update();
        }
    }
}
