package dev.signalbox.panel.targetgroup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TargetRepository extends JpaRepository<Target, UUID> {

    List<Target> findByTenantIdAndTargetGroupIdOrderByHostAscPortAsc(UUID tenantId, UUID targetGroupId);

    Optional<Target> findByIdAndTenantIdAndTargetGroupId(UUID id, UUID tenantId, UUID targetGroupId);

    /** With the row locked, so an If-Match check and the change it guards cannot interleave with another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Target> findLockedByIdAndTenantIdAndTargetGroupId(UUID id, UUID tenantId, UUID targetGroupId);

    @Query("select t from Target t, TargetGroup g where t.targetGroupId = g.id and g.tenantId = :tenantId"
            + " and g.loadBalancerId = :loadBalancerId order by t.host, t.port")
    List<Target> findByLoadBalancer(UUID tenantId, UUID loadBalancerId);
}
