package eu.impactlab.accounts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordTokenRepository extends JpaRepository<PasswordToken, Long> {

    Optional<PasswordToken> findByTokenHash(String tokenHash);

    /** A new link makes the older unused links of the same account worthless. */
    @Modifying
    @Query("update PasswordToken t set t.usedAt = CURRENT_TIMESTAMP where t.accountId = ?1 and t.usedAt is null")
    int invalidateAll(Long accountId);
}
