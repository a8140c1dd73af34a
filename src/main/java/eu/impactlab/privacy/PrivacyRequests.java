package eu.impactlab.privacy;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Requests for access or erasure as staff answered them: when received, when answered, how many records; no person. */
@Component
class PrivacyRequests {

    enum Kind { ACCESS, ERASURE }

    record Request(long id, Kind kind, LocalDate receivedOn, LocalDate answeredOn, int found, int erased, String handledBy) {
        /** Art. 12(3): the answer is due within one month of receipt. */
        public LocalDate deadline() {
            return receivedOn.plusMonths(1);
        }
    }

    private final JdbcClient jdbc;
    private final AccountService accounts;

    PrivacyRequests(JdbcClient jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    void record(String username, Kind kind, LocalDate receivedOn, LocalDate answeredOn, int found, int erased) {
        long handler = accounts.byUsername(username).map(AccountView::id).orElseThrow();
        jdbc.sql("""
                insert into privacy_request (kind, received_on, answered_on, records_found, records_erased, handled_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), Date.valueOf(receivedOn), Date.valueOf(answeredOn), found, erased, handler).update();
    }

    List<Request> latest(int limit) {
        return jdbc.sql("""
                select id, kind, received_on, answered_on, records_found, records_erased, handled_by from privacy_request
                order by received_on desc, id desc limit ?""").param(limit)
                .query((rs, i) -> new Request(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getInt(6),
                        accounts.byId(rs.getLong(7)).map(AccountView::username).orElse("–")))
                .list();
    }
}
