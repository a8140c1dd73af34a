package eu.impactlab.accounts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountSsoRepository extends JpaRepository<AccountSso, Long> {

    Optional<AccountSso> findByIssuerAndSubject(String issuer, String subject);
}
