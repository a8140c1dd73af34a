package eu.impactlab.accounts;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    /** Any spelling of the name finds the account its normal form names, and only that one. */
    default Optional<Account> findByUsername(String username) {
        return findByNormalUsername(Usernames.normalise(username));
    }

    @Query("select a from Account a where a.username = ?1")
    Optional<Account> findByNormalUsername(String normalUsername);

    boolean existsByRole(Role role);

    /** Accounts from single sign-on that wait for an admin to give them a role, oldest first. */
    java.util.List<Account> findByRoleIsNullOrderByCreatedAt();

    @Query("select a from Account a where (?1 = '' or lower(a.username) like lower(concat('%', ?1, '%'))"
            + " or lower(a.displayName) like lower(concat('%', ?1, '%'))) order by lower(a.username)")
    Page<Account> search(String query, Pageable pageable);
}
