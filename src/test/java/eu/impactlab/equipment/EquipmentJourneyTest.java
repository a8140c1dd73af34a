package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestDatabase;
import eu.impactlab.labs.LabService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** The issue's "done when" paths, as the API, a helper and the kiosk meet them, against the real database. */
class EquipmentJourneyTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;
    @Autowired
    Loans loans;
    @Autowired
    Kiosks kiosks;
    @Autowired
    EquipmentJobs jobs;
    @Autowired
    MakerPasses passes;

    private long printer() {
        return jdbc.sql("select m.id from machine m join lab l on l.id = m.lab_id where l.slug = 'groepelingen' and m.type = 'PRINTER_3D' and m.name like '3D-Drucker%'")
                .query(Long.class).single();
    }

    private String body(String code, ZonedDateTime start, int minutes) {
        return "{\"passCode\":\"" + code + "\",\"start\":\"" + start.toOffsetDateTime() + "\",\"end\":\""
                + start.plusMinutes(minutes).toOffsetDateTime() + "\"}";
    }

    @Test
    void demoPassOneReservesThePrinterInTurkishAndDemoPassTwoIsRefusedUntilInducted() throws Exception {
        long printer = printer();
        ZonedDateTime start = EquipmentTesting.openTime(labs, "groepelingen", 3, 30);
        mvc.perform(get("/api/v1/labs/groepelingen/machines")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"inductionRequired\":true")));
        String created = mvc.perform(post("/api/v1/machines/" + printer + "/reservations").header("Accept-Language", "tr")
                        .contentType(MediaType.APPLICATION_JSON).content(body("maker-demo-1", start, 60)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String manage = created.replaceAll(".*\"manageUrl\":\"[^\"]*(/reservations/[^\"]+)\".*", "$1");
        assertThat(mvc.perform(get(manage).param("lang", "tr")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Makine sizin için rezerve edildi".substring(0, 6)).contains("MAKER-DEMO-1");
        mvc.perform(get(manage + "/calendar.ics")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("BEGIN:VEVENT")));

        String refused = mvc.perform(post("/api/v1/machines/" + printer + "/reservations").header("Accept-Language", "tr")
                        .contentType(MediaType.APPLICATION_JSON).content(body("MAKER-DEMO-2", start.plusHours(3), 60)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("eğitim");

        // The same time again: taken, with other times.
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content(body("MAKER-DEMO-1", start, 60)))
                .andExpect(status().isConflict()).andExpect(content().string(org.hamcrest.Matchers.containsString("alternatives")));
        // Bad input: an unknown pass, a closed time, too long.
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body("MAKER-NOPE", start.plusHours(1), 30))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body("MAKER-DEMO-1", start.withHour(3), 30))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body("MAKER-DEMO-1", start.plusHours(1), 600))).andExpect(status().isBadRequest());

        // A helper inducts MAKER-DEMO-2; then the reservation works.
        MockHttpSession helper = Logins.as(mvc, "helper");
        long lab = EquipmentTesting.labId(jdbc, "groepelingen");
        mvc.perform(post("/staff/equipment/" + lab + "/inductions").session(helper).with(csrf())
                .param("passCode", "MAKER-DEMO-2").param("type", "PRINTER_3D")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body("MAKER-DEMO-2", start.plusHours(3), 60))).andExpect(status().isCreated());

        // Cancelling through the private link frees the time.
        mvc.perform(post(manage + "/cancel").accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/machines/" + printer + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body("MAKER-DEMO-1", start, 60))).andExpect(status().isCreated());
        jdbc.sql("update induction set expires_at = now() - interval '1 day' where pass_id = (select id from maker_pass where code = 'MAKER-DEMO-2')").update();
    }

    @Test
    void twentySimultaneousCheckOutsOfOneDeviceGiveOneOpenLoan() throws Exception {
        long device = jdbc.sql("select d.id from device d where d.asset_tag = 'VEG-LAP-03'").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, String>>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String contact = "borrower" + i + "@example.org";
            results.add(pool.submit(() -> {
                go.await();
                return loans.checkOut(new Loans.CheckOut(device, "Test Person", contact, true, true, "de"));
            }));
        }
        go.countDown();
        int lent = 0;
        for (Future<Map<String, String>> r : results) {
            if (r.get().isEmpty()) {
                lent++;
            } else {
                assertThat(r.get()).containsEntry("device", "equipment.loan.error.state.ON_LOAN");
            }
        }
        pool.shutdown();
        assertThat(lent).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from device_loan where device_id = ? and returned_at is null").param(device)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(loans.checkIn(device, "GOOD", "NONE", null)).isNull();
        assertThat(loans.checkIn(device, "GOOD", "NONE", null)).as("a return of a device that is not out").isEqualTo("equipment.loan.error.notOut");
        assertThat(loans.wipe(device, Set.copyOf(Loans.WIPE_STEPS), "test")).isNull();
    }

    @Test
    void aHelperLendsATabletTakesItBackAndItIsBlockedUntilTheWipeChecklistIsDone() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        long lab = EquipmentTesting.labId(jdbc, "groepelingen");
        long tablet = jdbc.sql("select id from device where asset_tag = 'GRO-TAB-02'").query(Long.class).single();
        long auditedBefore = jdbc.sql("select coalesce(max(id), 0) from privacy_audit").query(Long.class).single();
        String base = "/staff/equipment/" + lab + "/devices/" + tablet;
        mvc.perform(post(base + "/lend").session(helper).with(csrf()).param("name", "Aylin").param("contact", "0421 123456")
                .param("agreement", "true").param("identitySeen", "true")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/staff/equipment").param("lab", Long.toString(lab)).session(helper)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).as("the desk offers the return of the lent tablet").contains(base + "/return");
        // The same person cannot borrow a second device while the first is out.
        long other = jdbc.sql("select id from device where asset_tag = 'GRO-TAB-03'").query(Long.class).single();
        assertThat(mvc.perform(post("/staff/equipment/" + lab + "/devices/" + other + "/lend").session(helper).with(csrf())
                .param("name", "Aylin").param("contact", "0421/123456").param("agreement", "true").param("identitySeen", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("schon ein Gerät geliehen");
        mvc.perform(post(base + "/renew").session(helper).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/return").session(helper).with(csrf()).param("condition", "GOOD").param("damage", "NONE"))
                .andExpect(status().is3xxRedirection());
        assertThat(loans.device(tablet).orElseThrow().state()).isEqualTo("NEEDS_WIPE");
        assertThat(loans.checkOut(new Loans.CheckOut(tablet, "Jemand", "jemand@example.org", true, true, "de")))
                .containsEntry("device", "equipment.loan.error.state.NEEDS_WIPE");
        mvc.perform(post(base + "/wipe").session(helper).with(csrf()).param("steps", "ACCOUNTS", "RESET"))
                .andExpect(status().is3xxRedirection());
        assertThat(loans.device(tablet).orElseThrow().state()).as("half a checklist is not enough").isEqualTo("NEEDS_WIPE");
        mvc.perform(post(base + "/wipe").session(helper).with(csrf()).param("steps", "ACCOUNTS", "RESET", "UPDATES", "ACCESSORIES"))
                .andExpect(status().is3xxRedirection());
        assertThat(loans.device(tablet).orElseThrow().state()).isEqualTo("AVAILABLE");
        mvc.perform(get("/staff/equipment").session(helper)).andExpect(status().isOk());
        // Lending, taking back and the wipe are in the audit trail with the helper's account, never the borrower.
        assertThat(jdbc.sql("""
                select a.action || ':' || acc.username || ':' || a.lab_id || ':' || a.details from privacy_audit a
                join account acc on acc.id = a.actor_id where a.object_type = 'device' and a.object_id = ? and a.id > ?
                order by a.id""").params(String.valueOf(tablet), auditedBefore).query(String.class).list())
                .containsExactly("DEVICE_LENT:helper:" + lab + ":loan days " + jdbc.sql(
                                "select p.loan_days from device d join device_pool p on p.id = d.pool_id where d.id = ?")
                                .param(tablet).query(Integer.class).single(),
                        "DEVICE_RENEWED:helper:" + lab + ":renewal 1",
                        "DEVICE_RETURNED:helper:" + lab + ":condition GOOD, damage NONE",
                        "DEVICE_WIPED:helper:" + lab + ":state AVAILABLE");
    }

    @Test
    void rolesSeeOnlyWhatTheyMay() throws Exception {
        long vegesack = EquipmentTesting.labId(jdbc, "vegesack");
        mvc.perform(get("/staff/equipment")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/equipment").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/equipment").session(Logins.as(mvc, "coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/staff/equipment").param("lab", String.valueOf(vegesack)).session(Logins.as(mvc, "helper")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/equipment").session(Logins.as(mvc, "funder"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/equipment").param("lab", String.valueOf(vegesack)).session(Logins.as(mvc, "admin")))
                .andExpect(status().isOk());
    }

    @Test
    void thousandTapsPlusHundredRepeatsCountAThousandAndASwitchedOffKioskIsRefused() throws Exception {
        long lab = EquipmentTesting.labId(jdbc, "osterholz");
        String code = kiosks.newPairingCode(lab, null, "Test");
        String token = kiosks.pair(code).orElseThrow();
        Kiosks.Kiosk kiosk = kiosks.byToken(token).orElseThrow();
        long before = jdbc.sql("select coalesce(sum(taps), 0) from kiosk_tally where lab_id = ?").param(lab).query(Long.class).single();
        List<UUID> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            done.add(pool.submit(() -> kiosks.tap(kiosk, id, Kiosks.REASONS.get(id.hashCode() & 3), null)));
        }
        for (int i = 0; i < 100; i++) {
            UUID id = ids.get(i * 7);
            done.add(pool.submit(() -> kiosks.tap(kiosk, id, "OTHER", null)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(jdbc.sql("select coalesce(sum(taps), 0) from kiosk_tally where lab_id = ?").param(lab).query(Long.class).single() - before)
                .isEqualTo(1000);
        mvc.perform(post("/api/v1/kiosk/taps").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"tapId\":\"" + UUID.randomUUID() + "\",\"reason\":\"COURSE\"}")).andExpect(status().isAccepted());
        kiosks.switchOff(kiosk.id(), lab);
        mvc.perform(post("/api/v1/kiosk/taps").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"tapId\":\"" + UUID.randomUUID() + "\",\"reason\":\"COURSE\"}")).andExpect(status().isForbidden());
        assertThat(jobs.deleteExpired(Instant.now().plus(java.time.Duration.ofDays(2)))).as("single taps are forgotten after a day").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void eachLoanReminderGoesOutOnceEvenWhenTwoInstancesRunAtOnce() throws Exception {
        long device = jdbc.sql("select id from device where asset_tag = 'OST-TAB-01'").query(Long.class).single();
        assertThat(loans.checkOut(new Loans.CheckOut(device, "Erinnerung", "erinnerung@example.org", true, true, "uk"))).isEmpty();
        LocalDate due = jdbc.sql("select due_on from device_loan where device_id = ? and returned_at is null").param(device)
                .query(LocalDate.class).single();
        long mailsBefore = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = List.of(
                pool.submit(() -> { go.await(); return jobs.sendLoanReminders(due.minusDays(2)); }),
                pool.submit(() -> { go.await(); return jobs.sendLoanReminders(due.minusDays(2)); }));
        go.countDown();
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += Math.max(0, run.get());
        }
        pool.shutdown();
        assertThat(sent).isEqualTo(1);
        assertThat(jobs.sendLoanReminders(due.minusDays(2))).as("not again").isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single() - mailsBefore).isEqualTo(1);
        assertThat(loans.checkIn(device, "GOOD", "NONE", null)).isNull();
        assertThat(jobs.sendLoanReminders(due)).as("a returned device is not reminded").isZero();
        // Thirty days after the return the borrower's name and contact are gone.
        assertThat(jobs.deleteExpired(Instant.now().plus(java.time.Duration.ofDays(31)))).isPositive();
        assertThat(jdbc.sql("select borrower_name from device_loan where device_id = ? order by id desc limit 1").param(device)
                .query(String.class).optional()).isEmpty();
        loans.wipe(device, Set.copyOf(Loans.WIPE_STEPS), "test");
    }

    @Test
    void aPassWithAnEmailGetsTheConfirmationInItsLanguageAndANoShowFreesTheMachine() throws Exception {
        long lab = EquipmentTesting.labId(jdbc, "vegesack");
        long machine = EquipmentTesting.machine(jdbc, "vegesack", "No-show printer", null);
        String code = passes.issue(lab, "Olena", "olena@example.org", "uk").pass().code();
        ZonedDateTime start = EquipmentTesting.openTime(labs, "vegesack", 4, 60);
        String created = mvc.perform(post("/api/v1/machines/" + machine + "/reservations").header("Accept-Language", "uk")
                        .header("Idempotency-Key", "noshow-" + machine).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, start, 60)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // A retry with the same key gets the same reservation, not a conflict.
        mvc.perform(post("/api/v1/machines/" + machine + "/reservations").header("Accept-Language", "uk")
                        .header("Idempotency-Key", "noshow-" + machine).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, start, 60)))
                .andExpect(status().isOk());
        // The same key with another time: 422 in the caller's language, and nothing more is reserved.
        String reused = mvc.perform(post("/api/v1/machines/" + machine + "/reservations").header("Accept-Language", "uk")
                        .header("Idempotency-Key", "noshow-" + machine).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, start.plusHours(2), 60)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reused).contains("\"title\":\"Idempotency-Key уже використано\"", "Для нового запиту");
        assertThat(jdbc.sql("select count(*) from machine_reservation where machine_id = ?").param(machine).query(Long.class)
                .single()).isEqualTo(1);
        var mail = jdbc.sql("select subject, body from mail_outbox where recipient = 'olena@example.org' order by id desc limit 1")
                .query().singleRow();
        assertThat((String) mail.get("subject")).startsWith("Заброньовано");
        assertThat((String) mail.get("body")).contains("/reservations/");
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(jobs.freeNoShows(start.toInstant().plusSeconds(10 * 60))).as("not yet 15 minutes late").isZero();
        assertThat(jobs.freeNoShows(start.toInstant().plusSeconds(16 * 60))).isEqualTo(1);
        assertThat(jdbc.sql("select status from machine_reservation where id = ?").param(id).query(String.class).single())
                .isEqualTo("NO_SHOW");
        // The time is free again for someone else.
        String other = passes.issue(lab, null, null, "de").pass().code();
        mvc.perform(post("/api/v1/machines/" + machine + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .content(body(other, start, 60))).andExpect(status().isCreated());
        EquipmentTesting.retire(jdbc, machine);
    }

    @Test
    void anUnusedPassIsDeletedWithItsInductionsAfterTwoYears() {
        long lab = EquipmentTesting.labId(jdbc, "osterholz");
        MakerPasses.Issued issued = passes.issue(lab, "Alt", "alt@example.org", "de");
        passes.induct(issued.pass().id(), MachineType.SOLDERING, lab);
        jdbc.sql("update maker_pass set last_used_at = now() - interval '100 days' where id = ?").param(issued.pass().id()).update();
        jobs.deleteExpired(Instant.now());
        assertThat(passes.byId(issued.pass().id())).as("still within 24 months").isPresent();
        // The clock set forward: 631 more days make 731 days unused (only passes unused that long go).
        jobs.deleteExpired(Instant.now().plus(java.time.Duration.ofDays(631)));
        assertThat(passes.byId(issued.pass().id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from induction where pass_id = ?").param(issued.pass().id()).query(Long.class).single()).isZero();
    }
}
