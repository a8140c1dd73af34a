package eu.impactlab.labs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabRepository extends JpaRepository<Lab, Long> {

    Optional<Lab> findBySlug(String slug);

    List<Lab> findAllByOrderByIdAsc();
}
