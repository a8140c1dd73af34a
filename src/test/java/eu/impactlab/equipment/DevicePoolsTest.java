package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/** Coordinators set up device pools, devices and loan rules; helpers renew loans within those rules. */
class DevicePoolsTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Loans loans;
    @Autowired
    EquipmentJobs jobs;

    private final String prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    /** Removes the pools, devices and loans this test made, so other tests see the demo data as it was. */
    @AfterEach
    void cleanUp() {
        String pools = "select id from device_pool where name like :p";
        jdbc.sql("delete from device_wipe where device_id in (select id from device where pool_id in (" + pools + "))")
                .param("p", prefix + "%").update();
        jdbc.sql("delete from device_loan where device_id in (select id from device where pool_id in (" + pools + "))")
                .param("p", prefix + "%").update();
        jdbc.sql("delete from device where pool_id in (" + pools + ")").param("p", prefix + "%").update();
        jdbc.sql("delete from device_pool where name like :p").param("p", prefix + "%").update();
    }

    private long lab(String slug) {
        return EquipmentTesting.labId(jdbc, slug);
    }

    private FlashMap createPool(MockHttpSession session, long lab, String name, String days, String renewals, boolean onePerBorrower)
            throws Exception {
        return mvc.perform(post("/admin/equipment/" + lab + "/pools").session(session).with(csrf()).param("name", name)
                        .param("type", "HOTSPOT").param("accessories", "Ladekabel, Hülle").param("loanDays", days)
                        .param("maxRenewals", renewals).param("onePerBorrower", String.valueOf(onePerBorrower)))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
    }

    private long poolId(String name) {
        return jdbc.sql("select id from device_pool where name = ?").param(name).query(Long.class).single();
    }

    private long device(String tag) {
        return jdbc.sql("select id from device where asset_tag = ?").param(tag).query(Long.class).single();
    }

    private FlashMap addDevice(MockHttpSession session, long lab, long pool, String tag) throws Exception {
        return mvc.perform(post("/admin/equipment/" + lab + "/pools/" + pool + "/devices").session(session).with(csrf())
                .param("assetTag", tag)).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
    }

    /** A pool of the given rules at Gröpelingen with {@code devices} devices, made directly; returns the devices' ids. */
    private List<Long> poolWithDevices(String name, int days, int renewals, boolean onePerBorrower, int devices) {
        long pool = jdbc.sql("""
                insert into device_pool (lab_id, name, device_type, loan_days, max_renewals, one_loan_per_borrower)
                values (:lab, :name, 'LAPTOP', :days, :renewals, :one) returning id""").param("lab", lab("groepelingen"))
                .param("name", name).param("days", days).param("renewals", renewals).param("one", onePerBorrower)
                .query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            ids.add(jdbc.sql("insert into device (pool_id, asset_tag) values (?, ?) returning id").param(pool)
                    .param(name + "-" + i).query(Long.class).single());
        }
        return ids;
    }

    @Test
    void aCoordinatorCreatesAPoolAddsDevicesEditsTheRulesAndRetiresADeviceOnlyAfterConfirming() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = lab("groepelingen");
        String name = prefix + " Hotspots";

        // Bad input: a clear message, nothing created, and what was typed comes back.
        FlashMap refused = createPool(coordinator, lab, name, "0", "1", true);
        assertThat(refused.get("problem")).isEqualTo("equipment.pool.error.rules");
        assertThat(jdbc.sql("select count(*) from device_pool where name = ?").param(name).query(Long.class).single()).isZero();
        String page = mvc.perform(get("/admin/equipment").param("lab", String.valueOf(lab)).session(coordinator).flashAttrs(refused))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Leihdauer 1 bis 120 Tage").contains("value=\"" + name + "\"");

        assertThat(createPool(coordinator, lab, name, "7", "2", true).get("saved")).isEqualTo("equipment.pool.created");
        long pool = poolId(name);
        assertThat(addDevice(coordinator, lab, pool, prefix + "-HOT-1").get("saved")).isEqualTo("equipment.device.added");
        assertThat(addDevice(coordinator, lab, pool, prefix + "-HOT-1").get("problem")).as("an asset tag is unique")
                .isEqualTo("equipment.device.error.tagTaken");
        assertThat(addDevice(coordinator, lab, pool, "bad tag with spaces").get("problem")).isEqualTo("equipment.device.error.tag");
        long hotspot = device(prefix + "-HOT-1");
        assertThat(loans.device(hotspot).orElseThrow().accessories()).as("a device comes with the pool's accessories")
                .isEqualTo("Ladekabel, Hülle");

        mvc.perform(post("/admin/equipment/" + lab + "/pools/" + pool).session(coordinator).with(csrf()).param("name", name)
                .param("type", "TABLET").param("accessories", "").param("loanDays", "21").param("maxRenewals", "0"))
                .andExpect(status().is3xxRedirection());
        var rules = jdbc.sql("select device_type, loan_days, max_renewals, one_loan_per_borrower from device_pool where id = ?")
                .param(pool).query((rs, i) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4))).single();
        assertThat(rules).containsExactly("TABLET", 21, 0, false);

        // The helper lends under these rules and sees them on the desk.
        MockHttpSession helper = Logins.as(mvc, "helper");
        assertThat(mvc.perform(get("/staff/equipment").param("lab", String.valueOf(lab)).session(helper)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(prefix + "-HOT-1").contains("21 Tage, bis zu 0 Verlängerungen");

        // Retiring asks first; a lent device cannot be retired.
        String retire = "/admin/equipment/" + lab + "/devices/" + hotspot + "/retire";
        assertThat(mvc.perform(post(retire).session(coordinator).with(csrf())).andReturn().getFlashMap().get("problem"))
                .isEqualTo("equipment.device.retire.confirmFirst");
        assertThat(loans.device(hotspot).orElseThrow().state()).isEqualTo("AVAILABLE");
        assertThat(loans.checkOut(new Loans.CheckOut(hotspot, "Leihende", prefix + "@example.org", true, true, "de"))).isEmpty();
        assertThat(mvc.perform(post(retire).session(coordinator).with(csrf()).param("confirm", "true")).andReturn().getFlashMap()
                .get("problem")).isEqualTo("equipment.device.error.retireOnLoan");
        assertThat(loans.checkIn(hotspot, "WORN", "SCREEN", "Riss oben links")).isNull();
        assertThat(loans.wipe(hotspot, java.util.Set.copyOf(Loans.WIPE_STEPS), "test")).isNull();
        assertThat(loans.device(hotspot).orElseThrow().state()).isEqualTo("DAMAGED");
        mvc.perform(post("/admin/equipment/" + lab + "/devices/" + hotspot + "/repaired").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(loans.device(hotspot).orElseThrow().state()).as("a repaired device is wiped before it is lent").isEqualTo("NEEDS_WIPE");
        mvc.perform(post(retire).session(coordinator).with(csrf()).param("confirm", "true")).andExpect(status().is3xxRedirection());
        assertThat(loans.device(hotspot).orElseThrow().state()).isEqualTo("RETIRED");
        assertThat(loans.devicesAt(lab)).extracting(Loans.Device::id).doesNotContain(hotspot);
    }

    @Test
    void onlyCoordinatorsOfTheLabAndAdminsChangePoolsAndDevices() throws Exception {
        long groepelingen = lab("groepelingen");
        long vegesack = lab("vegesack");
        MockHttpSession helper = Logins.as(mvc, "helper");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long demoPool = jdbc.sql("select id from device_pool where lab_id = ? order by id limit 1").param(groepelingen)
                .query(Long.class).single();
        long otherPool = jdbc.sql("select id from device_pool where lab_id = ? order by id limit 1").param(vegesack)
                .query(Long.class).single();
        long otherDevice = jdbc.sql("select id from device where pool_id = ? order by id limit 1").param(otherPool).query(Long.class).single();

        mvc.perform(post("/admin/equipment/" + groepelingen + "/pools").session(helper).with(csrf()).param("name", prefix + " x")
                .param("type", "LAPTOP").param("loanDays", "7").param("maxRenewals", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/equipment/" + groepelingen + "/pools/" + demoPool + "/devices").session(helper).with(csrf())
                .param("assetTag", prefix + "-H")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/equipment/" + vegesack + "/pools").session(coordinator).with(csrf()).param("name", prefix + " x")
                .param("type", "LAPTOP").param("loanDays", "7").param("maxRenewals", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/equipment/" + vegesack + "/devices/" + otherDevice + "/retire").session(coordinator).with(csrf())
                .param("confirm", "true")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/equipment/" + groepelingen + "/pools/" + otherPool + "/devices").session(coordinator).with(csrf())
                .param("assetTag", prefix + "-C")).andExpect(status().isNotFound()); // another lab's pool under one's own lab
        assertThat(jdbc.sql("select count(*) from device where asset_tag like ?").param(prefix + "%").query(Long.class).single()).isZero();
        assertThat(loans.device(otherDevice).orElseThrow().state()).isNotEqualTo("RETIRED");

        MockHttpSession admin = Logins.as(mvc, "admin");
        assertThat(createPool(admin, vegesack, prefix + " Vegesack", "10", "1", true).get("saved")).isEqualTo("equipment.pool.created");
        assertThat(addDevice(admin, vegesack, poolId(prefix + " Vegesack"), prefix + "-VEG-1").get("saved")).isEqualTo("equipment.device.added");
        mvc.perform(get("/admin/equipment").param("lab", String.valueOf(vegesack)).session(admin)).andExpect(status().isOk());
    }

    @Test
    void aHelperRenewsWithinTheLimitAndTheRemindersFollowTheNewDay() throws Exception {
        long lab = lab("groepelingen");
        long device = poolWithDevices(prefix + " Renew", 7, 1, true, 1).get(0);
        String contact = prefix.toLowerCase() + "-renew@example.org";
        assertThat(loans.checkOut(new Loans.CheckOut(device, "Verlängerin", contact, true, true, "pl"))).isEmpty();
        LocalDate firstDue = loans.openLoanOf(device).orElseThrow().dueOn();
        assertThat(jobs.sendLoanReminders(firstDue.minusDays(2))).isPositive();

        MockHttpSession helper = Logins.as(mvc, "helper");
        String renew = "/staff/equipment/" + lab + "/devices/" + device + "/renew";
        assertThat(mvc.perform(post(renew).session(helper).with(csrf())).andExpect(status().is3xxRedirection()).andReturn()
                .getFlashMap().get("saved")).isEqualTo("equipment.staff.renewed");
        LocalDate newDue = loans.openLoanOf(device).orElseThrow().dueOn();
        assertThat(newDue).isEqualTo(firstDue.plusDays(7));

        assertThat(mvc.perform(post(renew).session(helper).with(csrf())).andReturn().getFlashMap().get("problem"))
                .as("one renewal allowed, a second refused").isEqualTo("equipment.loan.error.renewalLimit");
        assertThat(loans.openLoanOf(device).orElseThrow().dueOn()).isEqualTo(newDue);

        long before = mails(contact);
        jobs.sendLoanReminders(firstDue);
        assertThat(mails(contact)).as("no reminder for the old due day").isEqualTo(before);
        jobs.sendLoanReminders(newDue.minusDays(2));
        assertThat(mails(contact)).as("the reminder comes again before the new due day").isEqualTo(before + 1);

        // Other labs' helpers cannot renew here; an overdue loan is not renewed.
        mvc.perform(post(renew).session(Logins.as(mvc, "helper.vegesack")).with(csrf())).andExpect(status().isForbidden());
        jdbc.sql("update device_loan set due_on = current_date - 1, renewals = 0 where device_id = ? and returned_at is null")
                .param(device).update();
        assertThat(loans.renew(device)).isEqualTo("equipment.loan.error.renewOverdue");
        assertThat(loans.checkIn(device, "GOOD", "NONE", null)).isNull();
        assertThat(loans.renew(device)).isEqualTo("equipment.loan.error.notOut");
    }

    private long mails(String recipient) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }

    @Test
    void aPhoneOnlyBorrowerIsToldToNoteTheDayBecauseNoReminderReachesThem() throws Exception {
        long lab = lab("groepelingen");
        long device = poolWithDevices(prefix + " Phone", 14, 1, true, 1).get(0);
        MockHttpSession helper = Logins.as(mvc, "helper");
        FlashMap flash = mvc.perform(post("/staff/equipment/" + lab + "/devices/" + device + "/lend").session(helper).with(csrf())
                        .param("name", "Telefon").param("contact", "0421 99" + (System.nanoTime() % 100000)).param("agreement", "true")
                        .param("identitySeen", "true")).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        LocalDate due = loans.openLoanOf(device).orElseThrow().dueOn();
        assertThat(flash.get("noteTheDate")).isEqualTo(due);
        String desk = mvc.perform(get("/staff/equipment").param("lab", String.valueOf(lab)).session(helper).flashAttrs(flash))
                .andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("Rückgabetag aufzuschreiben").contains(String.format("%02d.%02d.%d", due.getDayOfMonth(),
                due.getMonthValue(), due.getYear()));
        assertThat(loans.checkIn(device, "GOOD", "NONE", null)).isNull();
    }

    @Test
    void tenSimultaneousLoansToOnePersonFromAOneLoanPoolGiveOneAndAnOpenPoolLendsMore() throws Exception {
        List<Long> strict = poolWithDevices(prefix + " Strict", 14, 1, true, 10);
        String contact = prefix.toLowerCase() + "-one@example.org";
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, String>>> results = new ArrayList<>();
        for (long device : strict) {
            results.add(threads.submit(() -> {
                go.await();
                return loans.checkOut(new Loans.CheckOut(device, "Eine Person", contact, true, true, "de"));
            }));
        }
        go.countDown();
        int lent = 0;
        long stillFree = -1;
        for (int i = 0; i < results.size(); i++) {
            Future<Map<String, String>> r = results.get(i);
            if (r.get().isEmpty()) {
                lent++;
            } else {
                stillFree = strict.get(i);
                assertThat(r.get()).containsEntry("contact", "equipment.loan.error.borrowerHasLoan");
            }
        }
        threads.shutdown();
        assertThat(lent).isEqualTo(1);

        // A pool without the rule lends a second device to someone, but not to someone who holds a one-loan device.
        List<Long> open = poolWithDevices(prefix + " Open", 14, 1, false, 3);
        String other = prefix.toLowerCase() + "-many@example.org";
        assertThat(loans.checkOut(new Loans.CheckOut(open.get(0), "Viele", other, true, true, "de"))).isEmpty();
        assertThat(loans.checkOut(new Loans.CheckOut(open.get(1), "Viele", other, true, true, "de"))).isEmpty();
        // A device of the strict pool that the race left on the shelf (which one won the race varies).
        assertThat(loans.checkOut(new Loans.CheckOut(stillFree, "Viele", other, true, true, "de")))
                .as("a one-loan pool lends only to someone with nothing out").containsKey("contact");
        assertThat(loans.checkOut(new Loans.CheckOut(open.get(2), "Eine Person", contact, true, true, "de")))
                .as("who holds a one-loan device gets nothing more").containsEntry("contact", "equipment.loan.error.borrowerHasLoan");
    }
}
