package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * Group loans against the real database: what a lab can lend for a period, that individual and group loans never
 * overlap on one device (both ways), that two coordinators at once never get the same device, and the desk's
 * hand-out, overdue list, return and wipe. Each test works on a hotspot pool of its own.
 */
class GroupLoansTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    GroupLoans groupLoans;
    @Autowired
    Loans loans;

    private final String prefix = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final List<Long> requests = new ArrayList<>();
    private long lab;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        lab = EquipmentTesting.labId(jdbc, "vegesack");
        today = LocalDate.now(Reservations.BREMEN);
    }

    /** Removes this test's group loans, loans, devices and pool, so other tests see the demo data as it was. */
    @AfterEach
    void cleanUp() {
        String devices = "select d.id from device d join device_pool p on p.id = d.pool_id where p.name like :p";
        String groups = "select group_loan_id from group_loan_device where device_id in (" + devices + ")";
        jdbc.sql("delete from device_loan where device_id in (" + devices + ")").param("p", prefix + "%").update();
        jdbc.sql("create temporary table if not exists gone_group (id bigint)").update();
        jdbc.sql("delete from gone_group").update();
        jdbc.sql("insert into gone_group " + groups).param("p", prefix + "%").update();
        jdbc.sql("delete from group_loan_device where group_loan_id in (select id from gone_group)").update();
        jdbc.sql("delete from group_loan where id in (select id from gone_group)").update();
        jdbc.sql("delete from device_wipe where device_id in (" + devices + ")").param("p", prefix + "%").update();
        jdbc.sql("delete from device where pool_id in (select id from device_pool where name like :p)").param("p", prefix + "%").update();
        jdbc.sql("delete from device_pool where name like :p").param("p", prefix + "%").update();
    }

    /** A hotspot pool of this test at Vegesack with {@code n} devices; returns their ids in asset-tag order. */
    private List<Long> pool(int n) {
        long pool = jdbc.sql("""
                insert into device_pool (lab_id, name, device_type, loan_days, max_renewals, one_loan_per_borrower)
                values (:lab, :name, 'HOTSPOT', 14, 1, false) returning id""").param("lab", lab).param("name", prefix + " Hotspots")
                .query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(jdbc.sql("insert into device (pool_id, asset_tag) values (?, ?) returning id")
                    .params(pool, prefix + "-HS-" + i).query(Long.class).single());
        }
        return ids;
    }

    private long request() {
        long id = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        requests.add(id);
        return id;
    }

    private Map<String, String> lend(long device) {
        return loans.checkOut(new Loans.CheckOut(device, "Test Person", prefix.toLowerCase() + UUID.randomUUID() + "@example.org",
                true, true, "de"));
    }

    private List<Long> mine(LocalDate from, LocalDate until) {
        return groupLoans.candidates(lab, "HOTSPOT", from, until).stream()
                .filter(c -> c.assetTag().startsWith(prefix)).map(GroupLoans.Candidate::id).toList();
    }

    @Test
    void theLabLendsForAPeriodOnlyUsableDevicesThatAreNeitherReservedNorOutThen() {
        GroupLoans.Availability before = groupLoans.availability(lab, "HOTSPOT", today.plusDays(5), today.plusDays(6));
        List<Long> d = pool(4);
        jdbc.sql("update device set state = 'DAMAGED', condition = 'DAMAGED' where id = ?").param(d.get(1)).update();
        assertThat(lend(d.get(2))).isEmpty(); // out for 14 days
        groupLoans.reserve(lab, request(), "Testschule", "HOTSPOT", today.plusDays(3), today.plusDays(8), List.of(d.get(3)), 0);

        GroupLoans.Availability soon = groupLoans.availability(lab, "HOTSPOT", today.plusDays(5), today.plusDays(6));
        assertThat(soon.inLab() - before.inLab()).as("all four exist in the lab").isEqualTo(4);
        assertThat(soon.free() - before.free()).as("only the first is free then").isEqualTo(1);
        assertThat(mine(today.plusDays(5), today.plusDays(6))).containsExactly(d.get(0));
        assertThat(mine(today.plusDays(20), today.plusDays(22))).as("after the loan and the group, all but the damaged one")
                .containsExactly(d.get(0), d.get(2), d.get(3));

        jdbc.sql("update device set state = 'RETIRED' where id = ?").param(d.get(0)).update();
        assertThat(groupLoans.availability(lab, "HOTSPOT", today.plusDays(20), today.plusDays(22)).inLab() - before.inLab())
                .as("a retired device is gone from the lab").isEqualTo(3);
    }

    @Test
    void aBorrowerCannotTakeADeviceAGroupHasReservedWithinTheLoanPeriodButCanBeforeIt() {
        List<Long> d = pool(2);
        groupLoans.reserve(lab, request(), "Testschule", "HOTSPOT", today.plusDays(10), today.plusDays(12), List.of(d.get(0)), 0);
        groupLoans.reserve(lab, request(), "Testverein", "HOTSPOT", today.plusDays(30), today.plusDays(32), List.of(d.get(1)), 0);

        assertThat(lend(d.get(0))).as("14 days from today reach the group's days")
                .containsEntry("device", "equipment.loan.error.reservedForGroup");
        assertThat(jdbc.sql("select state from device where id = ?").param(d.get(0)).query(String.class).single())
                .isEqualTo("AVAILABLE");
        assertThat(lend(d.get(1))).as("back long before the group needs it").isEmpty();
    }

    @Test
    void aRenewalCannotReachIntoAGroupsDays() {
        List<Long> d = pool(1);
        assertThat(lend(d.get(0))).isEmpty();
        groupLoans.reserve(lab, request(), "Testschule", "HOTSPOT", today.plusDays(20), today.plusDays(22), List.of(d.get(0)), 0);
        assertThat(loans.renew(d.get(0))).isEqualTo("equipment.loan.error.reservedForGroup");
    }

    @Test
    void aGroupCannotReserveADeviceThatIsOutWhenItNeedsIt() {
        List<Long> d = pool(2);
        assertThat(lend(d.get(0))).isEmpty(); // due in 14 days
        long r = request();
        assertThatThrownBy(() -> groupLoans.reserve(lab, r, "Testschule", "HOTSPOT", today.plusDays(7), today.plusDays(9),
                List.of(d.get(0), d.get(1)), 0))
                .isInstanceOfSatisfying(GroupLoans.Refused.class, e -> assertThat(e.messageKey()).isEqualTo("equipment.group.error.taken"));
        assertThat(groupLoans.forRequest(r)).as("nothing half saved").isEmpty();
        groupLoans.reserve(lab, r, "Testschule", "HOTSPOT", today.plusDays(20), today.plusDays(22), List.of(d.get(0)), 0);
        assertThat(groupLoans.forRequest(r)).get().extracting(GroupLoans.Reserved::count).isEqualTo(1);
    }

    @Test
    void twoCoordinatorsAtOnceNeverGetTheSameDevice() throws Exception {
        List<Long> d = pool(4);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                LocalDate from = today.plusDays(40 + round * 5);
                List<Long> wanted = List.of(d.get(0), d.get(1), d.get(2));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    long r = request();
                    // One coordinator ticks three devices, the other asks for any three: only four exist.
                    List<Long> chosen = i == 0 ? wanted : List.of();
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            groupLoans.reserve(lab, r, "Gruppe " + r, "HOTSPOT", from, from.plusDays(2), chosen, 3);
                            return "OK";
                        } catch (GroupLoans.Refused e) {
                            return e.messageKey();
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round " + round).containsOnlyOnce("OK");
                assertThat(jdbc.sql("""
                        select count(*) - count(distinct device_id) from group_loan_device where not released
                            and daterange(from_day, until_day, '[]') && daterange(?, ?, '[]') and device_id in (?, ?, ?, ?)""")
                        .params(from, from.plusDays(2), d.get(0), d.get(1), d.get(2), d.get(3)).query(Long.class).single())
                        .as("no device twice").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHelperAndABorrowerAtOnceNeverBothGetADevice() throws Exception {
        List<Long> d = pool(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            long r = request();
            Future<Boolean> group = pool.submit(() -> {
                start.await();
                try {
                    groupLoans.reserve(lab, r, "Testschule", "HOTSPOT", today.plusDays(3), today.plusDays(4), List.of(d.get(0)), 0);
                    return true;
                } catch (GroupLoans.Refused e) {
                    return false;
                }
            });
            Future<Boolean> single = pool.submit(() -> {
                start.await();
                return lend(d.get(0)).isEmpty();
            });
            start.countDown();
            assertThat(List.of(group.get(), single.get())).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDeskHandsOutToTheOrganisationTakesBackAndWipesAndTheOverdueListShowsIt() throws Exception {
        List<Long> d = pool(2);
        long r = request();
        groupLoans.reserve(lab, r, "Testschule am Deich", "HOTSPOT", today, today.plusDays(2), d, 0);
        long groupId = jdbc.sql("select id from group_loan where request_id = ?").param(r).query(Long.class).single();
        assertThat(groupLoans.handOut(lab, groupId, false)).isEqualTo("equipment.loan.error.agreement");
        jdbc.sql("update device set state = 'NEEDS_WIPE' where id = ?").param(d.get(1)).update();

        String handOut = "/staff/equipment/" + lab + "/group-loans/" + groupId + "/hand-out";
        for (String other : new String[] {"helper", "funder", "partner"}) {
            mvc.perform(post(handOut).session(Logins.as(mvc, other)).with(csrf()).param("agreement", "true"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(handOut).session(Logins.as(mvc, "helper.vegesack")).with(csrf()).param("agreement", "true"))
                .andExpect(status().is3xxRedirection());

        assertThat(groupLoans.forRequest(r)).get().satisfies(g -> {
            assertThat(g.handedOut()).as("only the wiped one went out").isEqualTo(1);
            assertThat(g.assetTags()).containsExactly(prefix + "-HS-1", prefix + "-HS-2");
        });
        assertThat(jdbc.sql("select borrower_name is null and borrower_contact is null from device_loan where device_id = ?")
                .param(d.get(0)).query(Boolean.class).single()).as("no person's name or contact").isTrue();

        jdbc.sql("update device_loan set due_on = ? where device_id = ?").params(today.minusDays(1), d.get(0)).update();
        assertThat(loans.overdue(lab)).anySatisfy(l -> {
            assertThat(l.assetTag()).isEqualTo(prefix + "-HS-1");
            assertThat(l.borrowerName()).isEqualTo("Testschule am Deich");
            assertThat(l.renewable()).isFalse();
        });
        String overdueList = mvc.perform(get("/admin/equipment").param("lab", String.valueOf(lab)).session(Logins.as(mvc, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(overdueList.substring(overdueList.indexOf("id=\"o-h\""))).contains(prefix + "-HS-1").contains("Testschule am Deich");
        String desk = mvc.perform(get("/staff/equipment").param("lab", String.valueOf(lab)).session(Logins.as(mvc, "helper.vegesack")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("Gruppenausleihen").contains("Testschule am Deich");

        assertThat(loans.checkIn(d.get(0), "WORN", "SCREEN", "Kratzer")).isNull();
        assertThat(loans.device(d.get(0))).get().extracting(Loans.Device::state).isEqualTo("NEEDS_WIPE");
        assertThat(loans.wipe(d.get(0), Set.copyOf(Loans.WIPE_STEPS), "helper")).isNull();
        assertThat(groupLoans.devicesLent(r)).isEqualTo(1);
        assertThat(groupLoans.forRequest(r)).get().extracting(GroupLoans.Reserved::returned).isEqualTo(1);
        assertThat(groupLoans.handOut(lab, groupId, true)).as("a returned device does not go out again under this loan")
                .isEqualTo("equipment.group.error.nothingReady");
    }
}
