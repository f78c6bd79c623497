package dev.signalbox.panel.certificate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signalbox.protocol.SealedPrivateKey;

/** A certificate with its private key encrypted at rest; the key is written here and never read back in clear. */
@Entity
@Table(name = "certificates")
class StoredCertificate {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Column(name = "certificate_chain_pem")
    private String chainPem;

    @Column(name = "private_key_key_id")
    private String keyId;

    @Column(name = "private_key_nonce")
    private byte[] keyNonce;

    @Column(name = "private_key_ciphertext")
    private byte[] keyCiphertext;

    private String subject;

    private String issuer;

    @Column(name = "serial_number")
    private String serialNumber;

    @Column(name = "dns_names")
    @Convert(converter = NameListColumn.class)
    private List<String> dnsNames;

    @Column(name = "ip_addresses")
    @Convert(converter = NameListColumn.class)
    private List<String> ipAddresses;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "not_after")
    private Instant notAfter;

    @Column(name = "key_algorithm")
    private String keyAlgorithm;

    @Column(name = "key_size")
    private int keySize;

    @Column(name = "fingerprint_sha256")
    private String fingerprintSha256;

    @Column(name = "chain_length")
    private int chainLength;

    private long revision;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StoredCertificate() {
    }

    StoredCertificate(UUID id, UUID tenantId, String name, InspectedCertificate certificate, SealedPrivateKey key,
            Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = now;
        this.revision = 0;
        replace(name, certificate, key, now);
    }

    /** Takes a new name, chain and key under the same id, as the next revision. */
    void replace(String name, InspectedCertificate certificate, SealedPrivateKey key, Instant now) {
        CertificateDetails details = certificate.details();
        this.name = name;
        this.chainPem = certificate.chainPem();
        this.keyId = key.keyId();
        this.keyNonce = key.nonce();
        this.keyCiphertext = key.ciphertext();
        this.subject = details.subject();
        this.issuer = details.issuer();
        this.serialNumber = details.serialNumber();
        this.dnsNames = details.dnsNames();
        this.ipAddresses = details.ipAddresses();
        this.notBefore = details.notBefore();
        this.notAfter = details.notAfter();
        this.keyAlgorithm = details.keyAlgorithm();
        this.keySize = details.keySize();
        this.fingerprintSha256 = details.fingerprintSha256();
        this.chainLength = details.chainLength();
        this.revision++;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String name() {
        return name;
    }

    CertificateInfo info() {
        return new CertificateInfo(id, name, revision, new CertificateDetails(subject, issuer, serialNumber, dnsNames,
                ipAddresses, notBefore, notAfter, keyAlgorithm, keySize, fingerprintSha256, chainLength), chainPem,
                createdAt, updatedAt);
    }
}
