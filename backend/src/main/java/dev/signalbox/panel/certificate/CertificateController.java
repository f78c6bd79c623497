package dev.signalbox.panel.certificate;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.CertificatesApi;
import dev.signalbox.panel.api.model.Certificate;
import dev.signalbox.panel.api.model.CertificateList;
import dev.signalbox.panel.api.model.CertificateRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;

@RestController
class CertificateController implements CertificatesApi {

    private final Certificates certificates;
    private final CurrentPrincipal currentPrincipal;

    CertificateController(Certificates certificates, CurrentPrincipal currentPrincipal) {
        this.certificates = certificates;
        this.currentPrincipal = currentPrincipal;
    }

    /** Lists leave the chains out: they are long, and a single GET has them. */
    @Override
    public ResponseEntity<CertificateList> listCertificates(Integer limit, @Nullable String cursor, @Nullable String name,
            @Nullable String namePrefix) {
        Page<CertificateInfo> page = certificates.list(currentPrincipal.get().tenantId(), NameFilter.of(name, namePrefix),
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new CertificateList(page.items().stream().map(CertificateController::summary).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<Certificate> createCertificate(CertificateRequest request, @Nullable String idempotencyKey) {
        CertificateInfo created = certificates.create(currentPrincipal.get(), upload(request));
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + created.id()))
                .eTag(created.entityTag().header()).body(full(created));
    }

    @Override
    public ResponseEntity<Certificate> getCertificate(UUID certificateId) {
        CertificateInfo info = certificates.get(currentPrincipal.get().tenantId(), certificateId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(full(info));
    }

    @Override
    public ResponseEntity<Certificate> replaceCertificate(UUID certificateId, CertificateRequest request,
            @Nullable String ifMatch) {
        CertificateInfo replaced = certificates.replace(currentPrincipal.get(), certificateId, upload(request),
                IfMatch.parse(ifMatch));
        return ResponseEntity.ok().eTag(replaced.entityTag().header()).body(full(replaced));
    }

    @Override
    public ResponseEntity<Void> deleteCertificate(UUID certificateId, @Nullable String ifMatch) {
        certificates.delete(currentPrincipal.get(), certificateId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static CertificateUpload upload(CertificateRequest request) {
        return new CertificateUpload(request.getName(), request.getCertificateChain(), request.getPrivateKey());
    }

    private static Certificate full(CertificateInfo info) {
        return summary(info).certificateChain(info.chainPem());
    }

    private static Certificate summary(CertificateInfo info) {
        CertificateDetails details = info.details();
        return new Certificate(info.id(), info.name(), info.revision(), details.subject(), details.issuer(),
                details.serialNumber(), details.dnsNames(), details.ipAddresses(),
                details.notBefore().atOffset(ZoneOffset.UTC), details.notAfter().atOffset(ZoneOffset.UTC),
                Certificate.KeyAlgorithmEnum.fromValue(details.keyAlgorithm()), details.keySize(),
                details.fingerprintSha256(), details.chainLength(), info.createdAt().atOffset(ZoneOffset.UTC),
                info.updatedAt().atOffset(ZoneOffset.UTC));
    }
}
