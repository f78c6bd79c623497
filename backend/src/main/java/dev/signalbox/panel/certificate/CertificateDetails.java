package dev.signalbox.panel.certificate;

import java.time.Instant;
import java.util.List;

/**
 * What the panel read from a chain's leaf, for people and for the nodes ({@code dnsNames}).
 *
 * @param subject           the leaf's distinguished name (RFC 2253)
 * @param issuer            its issuer's distinguished name (RFC 2253)
 * @param serialNumber      hexadecimal, upper case
 * @param dnsNames          DNS subject alternative names, lower case: the host names it serves
 * @param ipAddresses       IP address subject alternative names
 * @param keyAlgorithm      RSA or EC
 * @param keySize           RSA modulus bits, or 256 / 384 for P-256 / P-384
 * @param fingerprintSha256 SHA-256 of the leaf's DER, colon-separated upper-case hex
 * @param chainLength       certificates in the chain, the leaf included
 */
record CertificateDetails(String subject, String issuer, String serialNumber, List<String> dnsNames,
        List<String> ipAddresses, Instant notBefore, Instant notAfter, String keyAlgorithm, int keySize,
        String fingerprintSha256, int chainLength) {

    CertificateDetails {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }
}
