package eu.impactlab.equipment;

import eu.impactlab.platform.SqlStates;
import eu.impactlab.platform.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What coordinators set up for device loans: the pools of a lab with their loan rules, and the devices in them. A device
 * is retired rather than deleted, so its past loans keep their figures.
 */
@Component
class DevicePools {

    static final List<String> DEVICE_TYPES = List.of("LAPTOP", "TABLET", "HOTSPOT");

    record Pool(long id, long labId, String name, String deviceType, String accessories, int loanDays, int maxRenewals,
            boolean oneLoanPerBorrower, int devices) {
    }

    /** A pool as a coordinator typed it; {@link #problem()} names the message key of the first thing wrong, or null. */
    record PoolForm(String name, String deviceType, String accessories, int loanDays, int maxRenewals, boolean oneLoanPerBorrower) {
        String problem() {
            if (name == null || name.isBlank() || name.strip().length() > 120 || !TextRules.singleLine(name)) {
                return "equipment.pool.error.name";
            }
            if (!DEVICE_TYPES.contains(deviceType)) {
                return "equipment.pool.error.type";
            }
            if (accessories != null && (accessories.length() > 200 || !TextRules.singleLine(accessories))) {
                return "equipment.pool.error.accessories";
            }
            if (loanDays < 1 || loanDays > 120 || maxRenewals < 0 || maxRenewals > 10) {
                return "equipment.pool.error.rules";
            }
            return null;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DevicePools(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private static final String POOL = """
            select p.id, p.lab_id, p.name, p.device_type, p.accessories, p.loan_days, p.max_renewals, p.one_loan_per_borrower,
                (select count(*) from device d where d.pool_id = p.id and d.state <> 'RETIRED') as devices
            from device_pool p""";

    List<Pool> atLab(long labId) {
        return jdbc.sql(POOL + " where p.lab_id = :lab order by p.name, p.id").param("lab", labId).query(DevicePools::pool).list();
    }

    Optional<Pool> pool(long id) {
        return jdbc.sql(POOL + " where p.id = :id").param("id", id).query(DevicePools::pool).optional();
    }

    /** Creates a pool; null when created, else the message key why not. */
    String create(long labId, PoolForm form) {
        String problem = form.problem();
        if (problem != null) {
            return problem;
        }
        jdbc.sql("""
                insert into device_pool (lab_id, name, device_type, accessories, loan_days, max_renewals, one_loan_per_borrower)
                values (:lab, :name, :type, :acc, :days, :renewals, :one)""")
                .param("lab", labId).param("name", form.name().strip()).param("type", form.deviceType())
                .param("acc", blankToNull(form.accessories())).param("days", form.loanDays())
                .param("renewals", form.maxRenewals()).param("one", form.oneLoanPerBorrower()).update();
        return null;
    }

    /** Changes a pool's name, type and rules; open loans keep their due day until renewed. Null when saved, else why not. */
    String update(long poolId, PoolForm form) {
        String problem = form.problem();
        if (problem != null) {
            return problem;
        }
        jdbc.sql("""
                update device_pool set name = :name, device_type = :type, accessories = :acc, loan_days = :days,
                    max_renewals = :renewals, one_loan_per_borrower = :one where id = :id""")
                .param("id", poolId).param("name", form.name().strip()).param("type", form.deviceType())
                .param("acc", blankToNull(form.accessories())).param("days", form.loanDays())
                .param("renewals", form.maxRenewals()).param("one", form.oneLoanPerBorrower()).update();
        return null;
    }

    /** Adds a device to a pool; without accessories of its own it comes with the pool's. Null when added, else why not. */
    String addDevice(long poolId, String assetTag, String accessories) {
        String tag = assetTag == null ? "" : assetTag.strip();
        if (tag.isEmpty() || tag.length() > 40 || !tag.matches("[\\p{L}\\p{N}._/-]+")) {
            return "equipment.device.error.tag";
        }
        if (accessories != null && (accessories.length() > 200 || !TextRules.singleLine(accessories))) {
            return "equipment.pool.error.accessories";
        }
        try {
            jdbc.sql("""
                    insert into device (pool_id, asset_tag, accessories)
                    values (:pool, :tag, coalesce(:acc, (select accessories from device_pool where id = :pool)))""")
                    .param("pool", poolId).param("tag", tag).param("acc", blankToNull(accessories)).update();
            return null;
        } catch (DataIntegrityViolationException e) {
            if (!SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw e;
            }
            return "equipment.device.error.tagTaken";
        }
    }

    /** Takes a device out of lending for good; a lent device must come back first. Null when retired, else why not. */
    String retire(long deviceId) {
        return transactions.execute(status -> {
            String state = jdbc.sql("select state from device where id = :id for update").param("id", deviceId)
                    .query(String.class).single();
            if ("ON_LOAN".equals(state)) {
                return "equipment.device.error.retireOnLoan";
            }
            jdbc.sql("update device set state = 'RETIRED' where id = :id").param("id", deviceId).update();
            return null;
        });
    }

    /** A damaged device came back from repair: it goes through the wipe checklist before it is lent again. */
    String repaired(long deviceId) {
        int changed = jdbc.sql("update device set state = 'NEEDS_WIPE', condition = 'GOOD' where id = :id and state = 'DAMAGED'")
                .param("id", deviceId).update();
        return changed == 1 ? null : "equipment.device.error.notDamaged";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Pool pool(ResultSet rs, int i) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getLong("lab_id"), rs.getString("name"), rs.getString("device_type"),
                rs.getString("accessories"), rs.getInt("loan_days"), rs.getInt("max_renewals"),
                rs.getBoolean("one_loan_per_borrower"), rs.getInt("devices"));
    }
}
