package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.FieldViolation;

/**
 * Which HTTPS listener serves which certificate: checks that the certificates a listener names are
 * the tenant's, and records the references so a certificate in use cannot be deleted (the foreign
 * key refuses it even if a check were missed).
 */
@Component
class ListenerCertificates {

    private final CertificateReferences certificates;
    private final JdbcClient jdbc;

    ListenerCertificates(CertificateReferences certificates, JdbcClient jdbc) {
        this.certificates = certificates;
        this.jdbc = jdbc;
    }

    /** @param pointer JSON pointer of the listener's certificateIds */
    List<FieldViolation> check(UUID tenantId, List<UUID> certificateIds, String pointer) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < certificateIds.size(); i++) {
            UUID id = certificateIds.get(i);
            if (!certificates.exists(tenantId, id)) {
                violations.add(new FieldViolation(pointer + "/" + i, "No certificate " + id
                        + " in this tenant; upload it first (POST /certificates) and name its id"));
            }
        }
        return violations;
    }

    void replaceForListener(UUID tenantId, UUID listenerId, List<UUID> certificateIds) {
        jdbc.sql("delete from listener_certificates where listener_id = ?").params(listenerId).update();
        for (UUID certificateId : certificateIds) {
            jdbc.sql("insert into listener_certificates (tenant_id, listener_id, certificate_id) values (?, ?, ?)")
                    .params(tenantId, listenerId, certificateId).update();
        }
    }

    long countUsing(UUID tenantId, UUID certificateId) {
        return jdbc.sql("select count(*) from listener_certificates where tenant_id = ? and certificate_id = ?")
                .params(tenantId, certificateId).query(Long.class).single();
    }
}
