package eu.impactlab.accounts;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.username) = lower(?1)")
    Optional<Account> findByUsername(String username);

    boolean existsByRole(Role role);

    @Query("select a from Account a where (?1 = '' or lower(a.username) like lower(concat('%', ?1, '%'))"
            + " or lower(a.displayName) like lower(concat('%', ?1, '%'))) order by lower(a.username)")
    Page<Account> search(String query, Pageable pageable);
}
