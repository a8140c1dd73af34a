package eu.impactlab.equipment;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.DemoDataPolicy;
import eu.impactlab.platform.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo equipment in each lab: a 3D printer that needs an induction and a sewing machine that does not (Gröpelingen
 * also a laser cutter), a pool of laptops and one of tablets (Gröpelingen a class set of 13), the two demo maker passes
 * and a paired kiosk at the door in Gröpelingen.
 */
@Component
@Order(50)
class EquipmentDemoData implements ApplicationRunner {

    /** The demo kiosk's token for the API and its pairing code for a tablet; demo data only, like the demo password. */
    static final String DEMO_KIOSK_TOKEN = "demo-kiosk-groepelingen";
    static final String DEMO_KIOSK_PAIRING_CODE = "KIOSK-DEMO-1";

    private static final Logger log = LoggerFactory.getLogger(EquipmentDemoData.class);

    private final DemoDataPolicy policy;
    private final JdbcClient jdbc;
    private final LabService labs;
    private final MachineStore machines;
    private final MakerPasses passes;
    private final Clock clock;

    EquipmentDemoData(DemoDataPolicy policy, JdbcClient jdbc, LabService labs, MachineStore machines, MakerPasses passes,
            Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.labs = labs;
        this.machines = machines;
        this.passes = passes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from machine").query(Long.class).single() == 0;
        if (!policy.seedDemoData() || !empty) {
            return;
        }
        int n = 0;
        for (LabView lab : labs.labs(Language.DE)) {
            String place = lab.slug().substring(0, 3).toUpperCase();
            machines.insert(lab.id(), "3D-Drucker Prusa MK4", MachineType.PRINTER_3D, MachineType.PRINTER_3D, 15, 240, 480);
            machines.insert(lab.id(), "Nähmaschine Bernina", MachineType.SEWING, null, 0, 180, 360);
            if ("groepelingen".equals(lab.slug())) {
                machines.insert(lab.id(), "Lasercutter 40 W", MachineType.LASER_CUTTER, MachineType.LASER_CUTTER, 30, 120, 240);
                machines.insert(lab.id(), "VR-Brille", MachineType.VR_HEADSET, null, 10, 60, 180);
            }
            long laptops = pool(lab.id(), "Laptops für Bewerbungen", "LAPTOP", 14);
            long tablets = pool(lab.id(), "Tablets", "TABLET", 14);
            for (int i = 1; i <= 3; i++) {
                device(laptops, place + "-LAP-0" + i, "Netzteil, Tasche");
            }
            // Gröpelingen lends a class set: the demo school's request for ten tablets has real ones reserved.
            for (int i = 1; i <= ("groepelingen".equals(lab.slug()) ? 13 : 3); i++) {
                device(tablets, String.format("%s-TAB-%02d", place, i), "Ladekabel, Hülle");
            }
            n++;
        }
        LabView west = labs.lab("groepelingen", Language.DE).orElse(null);
        if (west != null) {
            MakerPasses.Issued first = passes.issue(west.id(), "MAKER-DEMO-1", null, null, "de");
            passes.induct(first.pass().id(), MachineType.PRINTER_3D, west.id());
            passes.issue(west.id(), "MAKER-DEMO-2", null, null, "de");
            jdbc.sql("""
                    insert into kiosk (lab_id, name, pairing_code_hash, pairing_expires_at, token_hash)
                    values (:lab, 'Eingang', :code, :expires, :token)""")
                    .param("lab", west.id()).param("code", SecretTokens.hash(DEMO_KIOSK_PAIRING_CODE))
                    .param("expires", Timestamp.from(Instant.now(clock).plus(Duration.ofDays(3650))))
                    .param("token", SecretTokens.hash(DEMO_KIOSK_TOKEN)).update();
        }
        log.info("Demo equipment created in {} labs: machines, device pools, the maker passes MAKER-DEMO-1 and MAKER-DEMO-2, a door kiosk", n);
    }

    private long pool(long lab, String name, String type, int days) {
        return jdbc.sql("insert into device_pool (lab_id, name, device_type, loan_days) values (:lab, :name, :type, :days) returning id")
                .param("lab", lab).param("name", name).param("type", type).param("days", days).query(Long.class).single();
    }

    private void device(long pool, String tag, String accessories) {
        jdbc.sql("insert into device (pool_id, asset_tag, accessories) values (:pool, :tag, :acc)")
                .param("pool", pool).param("tag", tag).param("acc", accessories).update();
    }
}
